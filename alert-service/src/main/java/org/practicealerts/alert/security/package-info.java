/** Who is calling: OAuth2 resource server (any OIDC issuer), roles from the token, the embedded default's dev tokens. */
package org.practicealerts.alert.security;
