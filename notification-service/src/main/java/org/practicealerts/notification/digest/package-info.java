/** The daily digest for people who chose DIGEST. */
package org.practicealerts.notification.digest;
