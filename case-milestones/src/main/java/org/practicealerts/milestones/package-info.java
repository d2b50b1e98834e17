/** A child's plan's statutory timescales (seed 004) as a policy, and the monitor that dates each milestone. */
package org.practicealerts.milestones;
