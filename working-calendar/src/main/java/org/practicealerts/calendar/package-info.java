/** Working-day calendar (England and Wales bank holidays plus council closure days) and deadline arithmetic for practice alerts. */ package org.practicealerts.calendar;
