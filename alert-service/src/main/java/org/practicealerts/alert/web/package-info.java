/** REST adapter (WebFlux): requests as validated records, blocking work on bounded elastic threads, RFC 9457 errors. */
package org.practicealerts.alert.web;
