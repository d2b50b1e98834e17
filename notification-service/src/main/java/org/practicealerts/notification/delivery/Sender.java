package org.practicealerts.notification.delivery;

import org.practicealerts.notification.outbox.OutboxEntry;

/** Delivers one outbox entry over one channel, or says why not. */
public interface Sender {

    void send(OutboxEntry entry) throws DeliveryFailure;

    /** The destination a rate limit applies to: the SMTP server, or the webhook's URL. */
    String rateKey(OutboxEntry entry);
}
