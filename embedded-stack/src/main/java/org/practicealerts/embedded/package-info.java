/** Embedded default infrastructure (real KRaft Kafka broker, mongo-java-server on H2) and the process launcher that runs practice-alerts without Docker. */
package org.practicealerts.embedded;
