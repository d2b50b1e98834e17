package org.practicealerts.milestones;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One fact of a child's case, as the case system records it: its own record id (what makes a resend harmless), the
 * child's reference, the kind and when it happened. Only ids and dates: no names, no free text.
 *
 * @param recordId     the case system's id of the record (a case note, a meeting, a form)
 * @param childRef     the child's reference in the case system
 * @param kind         what happened
 * @param at           when it happened (a decision, a meeting, a visit, a distribution)
 * @param conference   for {@link FactKind#CONFERENCE_BOOKED} and {@link FactKind#CONFERENCE_HELD}: initial or review
 * @param conferenceAt for {@link FactKind#CONFERENCE_BOOKED}: when the conference is to be held
 * @param planMade     for {@link FactKind#CONFERENCE_HELD}: whether the child is (still) subject to a plan after it
 * @param childSeen    for {@link FactKind#VISIT_MADE}: whether the child was seen
 */
public record CaseFact(String recordId, String childRef, FactKind kind, Instant at, ConferenceType conference,
                       Instant conferenceAt, Boolean planMade, Boolean childSeen) {

    public CaseFact {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(childRef, "childRef");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Map<String, String> misfits = misfits(kind, conference, conferenceAt, planMade, childSeen);
        if (!misfits.isEmpty()) {
            throw new IllegalArgumentException("fields that do not fit a " + kind + ": " + misfits);
        }
    }

    /**
     * The fields a kind of fact needs and lacks, or has and must not, each with what is wrong (empty when all fit):
     * the one rule the API's answer, the spreadsheet import and this record follow.
     */
    public static Map<String, String> misfits(FactKind kind, ConferenceType conference, Instant conferenceAt,
                                              Boolean planMade, Boolean childSeen) {
        Map<String, String> out = new LinkedHashMap<>();
        if (kind == null) {
            return out;
        }
        expect(out, "conference", conference != null,
                kind == FactKind.CONFERENCE_BOOKED || kind == FactKind.CONFERENCE_HELD, "initial or review");
        expect(out, "conferenceAt", conferenceAt != null, kind == FactKind.CONFERENCE_BOOKED,
                "when the conference is to be held");
        expect(out, "planMade", planMade != null, kind == FactKind.CONFERENCE_HELD,
                "whether the child is subject to a plan after it");
        expect(out, "childSeen", childSeen != null, kind == FactKind.VISIT_MADE, "whether the child was seen");
        return out;
    }

    private static void expect(Map<String, String> out, String field, boolean given, boolean needed, String what) {
        if (needed && !given) {
            out.put(field, "required for this kind of fact: " + what);
        } else if (!needed && given) {
            out.put(field, "not for this kind of fact");
        }
    }

    /** A fact of a kind that needs nothing more than its instant. */
    public static CaseFact of(String recordId, String childRef, FactKind kind, Instant at) {
        return new CaseFact(recordId, childRef, kind, at, null, null, null, null);
    }

    public static CaseFact conferenceBooked(String recordId, String childRef, Instant at, ConferenceType type,
                                            Instant conferenceAt) {
        return new CaseFact(recordId, childRef, FactKind.CONFERENCE_BOOKED, at, type, conferenceAt, null, null);
    }

    public static CaseFact conferenceHeld(String recordId, String childRef, Instant at, ConferenceType type,
                                          boolean planMade) {
        return new CaseFact(recordId, childRef, FactKind.CONFERENCE_HELD, at, type, null, planMade, null);
    }

    public static CaseFact visit(String recordId, String childRef, Instant at, boolean childSeen) {
        return new CaseFact(recordId, childRef, FactKind.VISIT_MADE, at, null, null, null, childSeen);
    }
}
