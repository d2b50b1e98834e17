/** REST: the inbox, an alert's delivery log and the admin view of failures. */
package org.practicealerts.notification.web;
