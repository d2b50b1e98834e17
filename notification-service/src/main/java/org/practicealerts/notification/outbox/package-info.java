/** MongoDB stores: the outbox (delivery states), the in-app inbox and the per-alert projection. */
package org.practicealerts.notification.outbox;
