/** HTTP adapter: the report endpoints, exports, the child chronology page and the admin rebuild. */
package org.practicealerts.reporting.web;
