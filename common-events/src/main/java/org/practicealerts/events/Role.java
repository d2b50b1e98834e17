package org.practicealerts.events;

/**
 * What a caller does in the product, as the identity provider's tokens name it. A person may hold several roles;
 * {@link #METRICS} is a machine's (the metrics scraper), never a person's.
 */
public enum Role {
    CPC, IRO, CRO,
    SOCIAL_WORKER,
    TEAM_MANAGER, SERVICE_MANAGER, HEAD_OF_SERVICE, ASSISTANT_DIRECTOR, SERVICE_DIRECTOR, DIRECTOR,
    ADMIN, REPORT_VIEWER,
    METRICS;

    /** A role a person in the directory may hold (every role but the scraper's). */
    public boolean person() {
        return this != METRICS;
    }

    /** Independent officers who raise alerts. */
    public boolean raises() {
        return this == CPC || this == IRO || this == CRO;
    }

    /** Line managers who respond to alerts and see their reporting line's alerts. */
    public boolean manages() {
        return this == TEAM_MANAGER || this == SERVICE_MANAGER || this == HEAD_OF_SERVICE
                || this == ASSISTANT_DIRECTOR || this == SERVICE_DIRECTOR || this == DIRECTOR;
    }
}
