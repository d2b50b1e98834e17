package org.practicealerts.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.practicealerts.access.RoleMapping;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class RolesConverterTest {

    private static Jwt token(Map<String, Object> claims) {
        Jwt.Builder b = Jwt.withTokenValue("t").header("alg", "RS256").issuedAt(Instant.EPOCH)
                .expiresAt(Instant.EPOCH.plusSeconds(60));
        claims.forEach(b::claim);
        return b.build();
    }

    private static List<String> roles(Authentication a) {
        return a.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList();
    }

    @Test
    void namesTheCallerBySubjectAndReadsTopLevelRolesByTheirExactNames() {
        Authentication a = new RolesConverter("roles")
                .convert(token(Map.of("sub", "iro-1", "roles", List.of("IRO", "REPORT_VIEWER", "report_viewer")))).block();
        assertThat(a.getName()).isEqualTo("iro-1");
        assertThat(roles(a)).containsExactly("ROLE_IRO", "ROLE_REPORT_VIEWER");
    }

    @Test
    void readsKeycloakRealmRolesAndTheConfiguredPersonIdClaim() {
        Authentication a = new RolesConverter("realm_access.roles", "preferred_username", RoleMapping.exact())
                .convert(token(Map.of("sub", "3f1c-uuid", "preferred_username", "tm-north",
                        "realm_access", Map.of("roles", List.of("TEAM_MANAGER", "offline_access"))))).block();
        assertThat(a.getName()).isEqualTo("tm-north");
        assertThat(roles(a)).containsExactly("ROLE_TEAM_MANAGER");
    }

    @Test
    void anotherApplicationsAdminRoleInTheSameTenantGrantsNothing() {
        Authentication a = new RolesConverter("roles").convert(token(Map.of("sub", "x-1", "roles",
                List.of("Admin", "admin", "Administrator")))).block();
        assertThat(a.getAuthorities()).isEmpty();
    }

    @Test
    void aConfiguredMappingGrantsOnlyWhatItMaps() {
        Authentication a = new RolesConverter("roles", "sub", RoleMapping.parse("PracticeAlerts.Admin=ADMIN"))
                .convert(token(Map.of("sub", "a-1", "roles", List.of("PracticeAlerts.Admin", "IRO")))).block();
        assertThat(roles(a)).containsExactly("ROLE_ADMIN");
    }

    @Test
    void aTokenWithoutThePersonIdClaimGetsNoRoles() {
        Authentication a = new RolesConverter("roles", "preferred_username", RoleMapping.exact())
                .convert(token(Map.of("sub", "someone", "roles", List.of("ADMIN")))).block();
        assertThat(a.getAuthorities()).isEmpty();
    }
}
