package org.practicealerts.support;

/** A fault that passes by itself (a copy still loading, a dependency away): the record is retried, never skipped. */
public class TransientFault extends RuntimeException {

    public TransientFault(String message) {
        super(message, null, false, false);
    }
}
