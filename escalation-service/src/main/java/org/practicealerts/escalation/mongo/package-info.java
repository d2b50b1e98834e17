/** The schedule in MongoDB: deadlines with atomic, leased claims; applied-event markers. */
package org.practicealerts.escalation.mongo;
