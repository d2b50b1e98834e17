/** Calls to the services' REST APIs with the signed-in person's token, and their problem details. */
package org.practicealerts.web.api;
