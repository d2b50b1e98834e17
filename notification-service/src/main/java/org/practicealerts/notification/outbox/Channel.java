package org.practicealerts.notification.outbox;

/** How a message travels. The in-app inbox is not a channel: every recipient always gets an inbox entry. */
public enum Channel { EMAIL, TEAMS }
