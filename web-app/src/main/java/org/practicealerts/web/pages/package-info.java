/** The pages: my work, an alert with the commands its reader may use, raising an alert. */
package org.practicealerts.web.pages;
