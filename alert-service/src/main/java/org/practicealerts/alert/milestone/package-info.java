/** The case system's facts in, the child's milestones (seed 004's timescales) and the chairs' prompts out. */
package org.practicealerts.alert.milestone;
