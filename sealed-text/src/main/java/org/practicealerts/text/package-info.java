/** Free text sealed per alert and erasable by destroying the alert's key (crypto-shredding). */
package org.practicealerts.text;
