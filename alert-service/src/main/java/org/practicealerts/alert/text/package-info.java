/** The alert-service's side of sealed free text: commands sealed on dispatch, erasure on request and by retention. */
package org.practicealerts.alert.text;
