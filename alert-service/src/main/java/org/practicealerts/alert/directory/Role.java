package org.practicealerts.alert.directory;

/** What a person does in the product. A person may hold several roles. */
public enum Role {
    CPC, IRO, CRO,
    SOCIAL_WORKER,
    TEAM_MANAGER, SERVICE_MANAGER, HEAD_OF_SERVICE, ASSISTANT_DIRECTOR, SERVICE_DIRECTOR, DIRECTOR,
    ADMIN, REPORT_VIEWER;

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
