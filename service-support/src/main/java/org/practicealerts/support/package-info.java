/** What every practice-alerts service needs alike: the embedded default's simulated clock and dev tokens, roles from a JWT, problem responses. */
package org.practicealerts.support;
