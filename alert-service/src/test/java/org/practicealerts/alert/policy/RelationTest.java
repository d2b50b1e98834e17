package org.practicealerts.alert.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Stored events name recipients' reasons by the relation's name: the enum must keep writing the same strings. */
class RelationTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Relation.class)
    void aPersonNamedByARelationIsToldUnderTheRelationsName(Relation relation) {
        assertThat(relation.reason().name()).isEqualTo(relation.name());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Relation.class)
    void aPersonToldOfAnImmediateRiskIsToldUnderTheRelationsNamePrefixed(Relation relation) {
        assertThat(relation.immediateRiskReason().name()).isEqualTo("IMMEDIATE_RISK_" + relation.name());
    }
}
