package org.practicealerts.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.practicealerts.events.Role;

class RoleMappingTest {

    @Test
    void withoutAMappingOnlyTheExactRoleNamesCount() {
        assertThat(RoleMapping.exact().granted(List.of("ADMIN", "Admin", "admin", " IRO", "offline_access",
                "TEAM_MANAGER"))).containsExactly(Role.TEAM_MANAGER, Role.ADMIN);
    }

    @Test
    void withAMappingOnlyMappedValuesCountEvenWhereAValueIsARoleName() {
        RoleMapping entra = RoleMapping.parse("PracticeAlerts.Admin=ADMIN, PracticeAlerts.Iro = IRO");
        assertThat(entra.granted(List.of("PracticeAlerts.Admin", "PracticeAlerts.Iro", "ADMIN", "Admin")))
                .containsExactly(Role.IRO, Role.ADMIN);
    }

    @Test
    void aMappingToNoRoleIsRefusedByName() {
        assertThatThrownBy(() -> RoleMapping.parse("Other.Admin=Admin"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'Other.Admin=Admin'");
        assertThatThrownBy(() -> RoleMapping.parse("ADMIN"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'ADMIN'");
    }

    @Test
    void aBlankMappingIsExact() {
        assertThat(RoleMapping.parse(" ").granted(List.of("IRO"))).containsExactly(Role.IRO);
    }
}
