package org.practicealerts.notification.delivery;

import java.time.Duration;

/**
 * A send that did not deliver. {@code permanent} failures (a 4xx other than 408/429, a refused address) are not
 * retried; {@code retryAfter} is the receiver's own wait (Teams' Retry-After), or null.
 */
public class DeliveryFailure extends Exception {

    private final boolean permanent;
    private final Duration retryAfter;

    public DeliveryFailure(String message, boolean permanent, Duration retryAfter) {
        super(message, null, false, false);
        this.permanent = permanent;
        this.retryAfter = retryAfter;
    }

    public static DeliveryFailure transientFailure(String message) {
        return new DeliveryFailure(message, false, null);
    }

    public static DeliveryFailure permanentFailure(String message) {
        return new DeliveryFailure(message, true, null);
    }

    public boolean permanent() {
        return permanent;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
