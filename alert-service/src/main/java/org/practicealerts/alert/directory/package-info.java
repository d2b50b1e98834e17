/** People, teams, roles, reporting lines and cover: who answers and who is told. */
package org.practicealerts.alert.directory;
