package org.practicealerts.reporting.web;

/** A request parameter that cannot be read; answered as an RFC 9457 problem naming the parameter. */
class BadParameter extends RuntimeException {
    final String parameter;

    BadParameter(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }
}
