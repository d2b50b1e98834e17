/** Who is signed in, with the token the services accept for them; the security rules of every page. */
package org.practicealerts.web.signin;
