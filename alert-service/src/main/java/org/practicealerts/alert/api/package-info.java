/** What can be asked of an alert: commands as records, and the actor asking. */
package org.practicealerts.alert.api;
