/** Delivery: who is told how (Addressing), the dispatcher that drains the outbox, the email and Teams senders, rate limits. */
package org.practicealerts.notification.delivery;
