/** What the reports return: plain records, serialised as JSON (and CSV/XLSX for the central log). */
package org.practicealerts.reporting.api;
