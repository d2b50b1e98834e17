// Progressive enhancement only: every page works without this. GOV.UK Frontend's components, initialised once
// the browser has shown it supports them (the class names its CSS keys on).
import { initAll } from '/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js'
import { initAddAnother } from '/assets/add-another.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()
initAddAnother()
