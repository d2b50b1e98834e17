/** Admin view: what is due next. */
package org.practicealerts.escalation.web;
