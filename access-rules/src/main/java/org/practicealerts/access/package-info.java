/** Who may see an alert, and its restricted detail: one pure rule that every service and surface asks. */
package org.practicealerts.access;
