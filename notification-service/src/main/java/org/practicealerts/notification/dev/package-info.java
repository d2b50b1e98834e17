/** The embedded default's stand-ins: an in-JVM SMTP server and a Teams webhook sink, with their viewers. */
package org.practicealerts.notification.dev;
