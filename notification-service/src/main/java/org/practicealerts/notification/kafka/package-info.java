/** Kafka adapters: the topics this service uses and the alert-event listener. */
package org.practicealerts.notification.kafka;
