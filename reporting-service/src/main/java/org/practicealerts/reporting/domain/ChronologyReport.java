package org.practicealerts.reporting.domain;

import static org.practicealerts.reporting.domain.ReportBasis.RESTRICTED;
import static org.practicealerts.reporting.domain.ReportBasis.stages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.practicealerts.reporting.api.Chronology;
import org.practicealerts.reporting.api.ChronologyEntry;

/** A child's chronology: every alert about the child the viewer may see, oldest first, detail withheld if due. */
public final class ChronologyReport {

    public Chronology of(Projection p, String childRef, Viewer viewer) {
        List<Chronology.Alert> out = new ArrayList<>();
        for (AlertRecord a : p.alertsAboutChild(childRef)) {
            if (!viewer.sees(a)) {
                continue;
            }
            boolean detail = viewer.seesDetailOf(a);
            List<ChronologyEntry> lines = p.chronology(a);
            List<ChronologyEntry> entries = new ArrayList<>(lines.size());
            for (ChronologyEntry e : lines) {
                entries.add(detail || e.detail() == null ? e
                        : new ChronologyEntry(e.at(), e.event(), e.stage(), e.actor(), RESTRICTED));
            }
            out.add(new Chronology.Alert(a.alertId(), a.reference(), a.planType() == null ? null : a.planType().name(),
                    a.teamId(), a.raisedBy(), a.raisedAt(), a.status().name(), a.stageReached(),
                    p.outcome(a) == null || detail ? p.outcome(a) : RESTRICTED, a.competenceConcern(), stages(a), entries));
        }
        out.sort(Comparator.comparing(Chronology.Alert::raisedAt));
        return new Chronology(childRef, out);
    }
}
