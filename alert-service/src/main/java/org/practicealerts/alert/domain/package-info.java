/** The practice alert itself: the aggregate and the rules of the procedure. Knows nothing of Spring, Kafka or MongoDB. */
package org.practicealerts.alert.domain;
