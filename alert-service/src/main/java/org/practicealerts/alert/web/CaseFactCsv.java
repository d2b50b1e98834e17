package org.practicealerts.alert.web;

import jakarta.validation.Validator;
import java.util.List;
import org.practicealerts.milestones.ConferenceType;
import org.practicealerts.milestones.FactKind;

/**
 * The case system's facts as a spreadsheet exports them, for a council without an integration: one row per record,
 * read like the directory's CSV ({@link DirectoryCsv}: any column order, a byte-order mark, quoted fields, every bad row
 * reported field by field as {@code rows[N].column}, nothing written unless every row is good). Instants as
 * {@code 2026-01-05 10:00} (London) or {@code 2026-01-05T10:00:00Z}; yes/no for {@code planMade} and {@code childSeen}.
 */
final class CaseFactCsv {

    static final DirectoryCsv.Sheet FACTS = new DirectoryCsv.Sheet("recordId",
            List.of("recordId", "childRef", "teamId", "kind", "at"),
            List.of("conference", "conferenceAt", "planMade", "childSeen"));

    private CaseFactCsv() {
    }

    static List<Requests.CaseFact> facts(String csv, Validator validator) {
        return DirectoryCsv.read(csv, FACTS, validator, row -> {
            Requests.CaseFact f = new Requests.CaseFact(row.text("recordId"), row.text("childRef"), row.text("teamId"),
                    row.oneOf("kind", FactKind.class), row.instant("at"), row.oneOf("conference", ConferenceType.class),
                    row.instant("conferenceAt"), row.yesNo("planMade"), row.yesNo("childSeen"));
            MilestoneController.kindProblems(f).forEach(p -> row.breaks(p.field(), p.message()));
            return f;
        });
    }
}
