/** Read side: list projection, the detail view folded from the event store, the read audit. */
package org.practicealerts.alert.query;
