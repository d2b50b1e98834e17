/** MongoDB adapter: the run-time calendar additions the alert-service stores. Nothing essential is kept here. */
package org.practicealerts.reporting.mongo;
