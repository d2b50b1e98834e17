/** MongoDB adapters: directory, policy versions, calendar days, projections, read audit. All through mongodb-driver-sync. */
package org.practicealerts.alert.mongo;
