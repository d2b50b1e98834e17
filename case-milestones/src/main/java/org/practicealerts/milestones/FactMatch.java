package org.practicealerts.milestones;

import java.util.Objects;

/**
 * Which facts open or meet a milestone: a kind, and where the kind has them, the conference type, whether a plan was
 * made, whether the child was seen (null: any).
 */
public record FactMatch(FactKind kind, ConferenceType conference, Boolean planMade, Boolean childSeen) {

    public FactMatch {
        Objects.requireNonNull(kind, "kind");
    }

    public static FactMatch of(FactKind kind) {
        return new FactMatch(kind, null, null, null);
    }

    public boolean matches(CaseFact f) {
        return f.kind() == kind && (conference == null || conference == f.conference())
                && (planMade == null || planMade.equals(f.planMade()))
                && (childSeen == null || childSeen.equals(f.childSeen()));
    }
}
