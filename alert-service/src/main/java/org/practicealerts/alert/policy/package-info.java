/** A council's procedure as data: versioned YAML policies, validated at start, one selected per deployment. */
package org.practicealerts.alert.policy;
