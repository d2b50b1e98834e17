package org.practicealerts.reporting.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.practicealerts.reporting.api.Chronology;
import org.practicealerts.reporting.api.ChronologyEntry;
import org.practicealerts.reporting.api.ReportPack;
import org.practicealerts.reporting.api.StageRow;
import org.practicealerts.reporting.domain.ReportBasis;
import org.springframework.web.util.HtmlUtils;

/**
 * The child chronology as a printable HTML page: times in the council's time (Europe/London), people by name, codes
 * in words, with the council, the protective marking at top and foot, and who produced it when.
 */
final class ChronologyPage {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK);

    private ChronologyPage() {
    }

    /** Everyone the chronology names by id: raisers, responders, who did each step. */
    static Set<String> peopleNamed(Chronology c) {
        Set<String> ids = new HashSet<>();
        for (Chronology.Alert a : c.alerts()) {
            ids.add(a.raisedBy());
            a.stages().forEach(s -> {
                ids.add(s.responderId());
                ids.add(s.respondedBy());
            });
            a.entries().forEach(e -> ids.add(e.actor()));
        }
        ids.remove(null);
        return new TreeSet<>(ids);
    }

    static String html(ReportPack<Chronology> pack) {
        Chronology c = pack.report();
        StringBuilder b = new StringBuilder(4096);
        String marking = "<p class=\"marking\">" + e(pack.document().marking()) + "</p>";
        b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Chronology ")
                .append(e(c.childRef())).append("</title><style>body{font-family:sans-serif;font-size:11pt}"
                        + "table{border-collapse:collapse;width:100%;margin-bottom:1em}td,th{border:1px solid #999;"
                        + "padding:2px 4px;text-align:left;vertical-align:top}.marking{font-weight:bold;"
                        + "text-align:center;border:2px solid #000;padding:2px}@media print{section{break-inside:avoid}}"
                        + "</style></head><body>").append(marking).append("<h1>").append(e(pack.document().council()))
                .append(": practice alerts chronology, child ").append(e(c.childRef())).append("</h1><p>Generated ")
                .append(when(pack.document().generatedAt())).append(" by ")
                .append(e(pack.document().generatedByName())).append(". Times are UK time.</p>");
        if (c.alerts().isEmpty()) {
            b.append("<p>No practice alerts.</p>");
        }
        for (Chronology.Alert a : c.alerts()) {
            b.append("<section><h2>").append(e(a.reference())).append("</h2><p>Plan: ")
                    .append(e(CentralLogExport.words(a.planType()))).append(" · Team: ")
                    .append(e(pack.teamNames().getOrDefault(a.teamId(), a.teamId()))).append(" · Raised by ")
                    .append(who(pack, a.raisedBy())).append(", ").append(when(a.raisedAt())).append(" · Status: ")
                    .append(e(CentralLogExport.words(a.status()))).append(" · Stage reached: ").append(a.stageReached());
            if (a.outcome() != null) {
                b.append(" · Outcome: ").append(e(CentralLogExport.words(a.outcome())));
            }
            b.append("</p><table><tr><th>Stage</th><th>Entered</th><th>How</th><th>Responder</th><th>Due</th>"
                    + "<th>Responded</th><th>By</th><th>Within timescale</th><th>Ended by</th></tr>");
            for (StageRow s : a.stages()) {
                b.append("<tr><td>").append(s.stage()).append("</td><td>").append(when(s.enteredAt()))
                        .append("</td><td>").append(e(CentralLogExport.words(s.entry()))).append("</td><td>")
                        .append(who(pack, s.responderId())).append("</td><td>").append(when(s.dueAt()))
                        .append("</td><td>").append(when(s.respondedAt())).append("</td><td>")
                        .append(who(pack, s.respondedBy())).append("</td><td>")
                        .append(s.onTime() == null ? "" : s.onTime() ? "Yes" : "No").append("</td><td>")
                        .append(e(CentralLogExport.words(s.leftBy()))).append("</td></tr>");
            }
            b.append("</table><table><tr><th>When</th><th>What</th><th>Stage</th><th>Who</th><th>Detail</th></tr>");
            for (ChronologyEntry x : a.entries()) {
                b.append("<tr><td>").append(when(x.at())).append("</td><td>").append(e(x.event())).append("</td><td>")
                        .append(e(x.stage())).append("</td><td>").append(who(pack, x.actor())).append("</td><td>")
                        .append(e(x.detail())).append("</td></tr>");
            }
            b.append("</table></section>");
        }
        return b.append(marking).append("</body></html>").toString();
    }

    /** A person by name, with their id for the record. */
    private static String who(ReportPack<Chronology> pack, String id) {
        if (id == null) {
            return "";
        }
        String name = pack.people().getOrDefault(id, id);
        return e(name.equals(id) ? id : name + " (" + id + ")");
    }

    private static String when(Instant at) {
        return at == null ? "" : e(WHEN.format(at.atZone(ReportBasis.LONDON)));
    }

    private static String e(Object o) {
        return o == null ? "" : HtmlUtils.htmlEscape(o.toString());
    }
}
