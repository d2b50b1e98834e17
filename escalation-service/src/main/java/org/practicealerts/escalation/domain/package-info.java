/** Which deadlines an alert has, derived purely from its events. No Spring, Kafka or MongoDB here. */
package org.practicealerts.escalation.domain;
