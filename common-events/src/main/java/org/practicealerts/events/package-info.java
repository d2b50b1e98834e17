/** The facts every practice-alerts service shares: event records and the value types they carry. */
package org.practicealerts.events;
