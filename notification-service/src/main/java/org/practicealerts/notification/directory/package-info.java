/** This service's copy of the staff directory, followed from the compacted directory topic. */
package org.practicealerts.notification.directory;
