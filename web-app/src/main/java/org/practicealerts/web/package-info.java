/** The web app: pages a council's practitioners, managers and admins use, built on the services' public APIs. */
package org.practicealerts.web;
