package org.practicealerts.events.directory;

/**
 * One entry of the directory topic. Its {@link #key()} is the topic's record key, {@code KIND:id}; the kind names
 * the record type, so the value carries no type property.
 */
public sealed interface DirectoryEntry permits Person, Team, Cover, NonWorkingDay {

    /** The record key on the directory topic. */
    default String key() {
        return kind().name() + ":" + entryId();
    }

    Kind kind();

    /** The entry's id within its kind. */
    String entryId();

    /** What an entry is; the prefix of its key. */
    enum Kind {
        PERSON(Person.class), TEAM(Team.class), COVER(Cover.class), DAY(NonWorkingDay.class);

        private final Class<? extends DirectoryEntry> type;

        Kind(Class<? extends DirectoryEntry> type) {
            this.type = type;
        }

        public Class<? extends DirectoryEntry> type() {
            return type;
        }
    }
}
