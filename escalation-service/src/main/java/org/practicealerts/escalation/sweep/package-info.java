/** Firing due deadlines: claim, send their commands through {@link DeadlineCommandSender}, mark fired. */
package org.practicealerts.escalation.sweep;
