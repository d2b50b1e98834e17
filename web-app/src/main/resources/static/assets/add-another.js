// "Add another action": progressive enhancement of a list of rows that the page already renders in full (so the
// form works without JavaScript). With it, blank rows after the first blank one are hidden and a button brings them
// back one at a time, then makes new ones (renumbering names, ids and labels: actions[2].dueDate-day, actions-2-...)
// up to the most the service accepts. A row that holds a value or an error is never hidden.

const INDEX = /\[(\d+)\]|-(\d+)-|-(\d+)$/g

function renumber (value, index) {
  return value.replace(INDEX, (all, bracket, dashed, last) =>
    bracket !== undefined ? `[${index}]` : dashed !== undefined ? `-${index}-` : `-${index}`)
}

function blank (row) {
  const filled = [...row.querySelectorAll('input, textarea, select')].some(f => f.value.trim() !== '')
  return !filled && row.querySelector('.govuk-error-message') === null
}

function makeRow (template, index) {
  const row = template.cloneNode(true)
  row.hidden = false
  row.querySelectorAll('.govuk-error-message').forEach(e => e.remove())
  row.querySelectorAll('.govuk-form-group--error').forEach(e => e.classList.remove('govuk-form-group--error'))
  row.querySelectorAll('.govuk-input--error').forEach(e => e.classList.remove('govuk-input--error'))
  row.querySelectorAll('[name]').forEach(e => { e.name = renumber(e.name, index) })
  row.querySelectorAll('[id]').forEach(e => { e.id = renumber(e.id, index) })
  row.querySelectorAll('[for]').forEach(e => e.setAttribute('for', renumber(e.getAttribute('for'), index)))
  row.querySelectorAll('[aria-describedby]').forEach(e =>
    e.setAttribute('aria-describedby', renumber(e.getAttribute('aria-describedby'), index)))
  row.querySelectorAll('input, textarea').forEach(e => { e.value = '' })
  row.querySelectorAll('[data-app-row-label]').forEach(e => { e.textContent = `${e.dataset.appRowLabel} ${index + 1}` })
  return row
}

export function initAddAnother (scope = document) {
  scope.querySelectorAll('[data-app-add-another]').forEach(list => {
    const rows = () => [...list.querySelectorAll(':scope > .app-action-row')]
    const most = Number(list.dataset.appAddAnotherMax || 20)
    const firstBlank = rows().findIndex(blank)
    if (firstBlank >= 0) {
      rows().slice(firstBlank + 1).filter(blank).forEach(r => { r.hidden = true })
    }
    const button = document.createElement('button')
    button.type = 'button'
    button.className = 'govuk-button govuk-button--secondary'
    button.textContent = list.dataset.appAddAnother
    list.appendChild(button)
    const refresh = () => { button.hidden = rows().filter(r => !r.hidden).length >= most }
    button.addEventListener('click', () => {
      let next = rows().find(r => r.hidden)
      if (next) {
        next.hidden = false
      } else {
        const all = rows()
        next = makeRow(all[all.length - 1], all.length)
        button.before(next)
      }
      refresh()
      next.querySelector('input, textarea, select').focus()
    })
    refresh()
  })
}
