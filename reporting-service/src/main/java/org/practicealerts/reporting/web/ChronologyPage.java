package org.practicealerts.reporting.web;

import org.practicealerts.reporting.api.Chronology;
import org.practicealerts.reporting.api.StageRow;
import org.practicealerts.reporting.api.ChronologyEntry;
import org.springframework.web.util.HtmlUtils;

/** The child chronology as a printable HTML page. */
final class ChronologyPage {

    private ChronologyPage() {
    }

    static String html(Chronology c) {
        StringBuilder b = new StringBuilder(4096);
        b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Chronology ")
                .append(e(c.childRef())).append("</title><style>body{font-family:sans-serif;font-size:11pt}"
                        + "table{border-collapse:collapse;width:100%;margin-bottom:1em}td,th{border:1px solid #999;"
                        + "padding:2px 4px;text-align:left;vertical-align:top}@media print{section{break-inside:avoid}}"
                        + "</style></head><body><h1>Practice alerts chronology: child ").append(e(c.childRef()))
                .append("</h1>");
        if (c.alerts().isEmpty()) {
            b.append("<p>No practice alerts.</p>");
        }
        for (Chronology.Alert a : c.alerts()) {
            b.append("<section><h2>").append(e(a.reference())).append("</h2><p>Plan: ").append(e(a.planType()))
                    .append(" · Team: ").append(e(a.teamId())).append(" · Raised by ").append(e(a.raisedBy()))
                    .append(" at ").append(e(a.raisedAt())).append(" · Status: ").append(e(a.status()))
                    .append(" · Stage reached: ").append(a.stageReached());
            if (a.outcome() != null) {
                b.append(" · Outcome: ").append(e(a.outcome()));
            }
            b.append("</p><table><tr><th>Stage</th><th>Entered</th><th>How</th><th>Responder</th><th>Due</th>"
                    + "<th>Responded</th><th>By</th><th>On time</th><th>Left</th></tr>");
            for (StageRow s : a.stages()) {
                b.append("<tr><td>").append(s.stage()).append("</td><td>").append(e(s.enteredAt())).append("</td><td>")
                        .append(e(s.entry())).append("</td><td>").append(e(s.responderId())).append("</td><td>")
                        .append(e(s.dueAt())).append("</td><td>").append(e(s.respondedAt())).append("</td><td>")
                        .append(e(s.respondedBy())).append("</td><td>").append(e(s.onTime())).append("</td><td>")
                        .append(e(s.leftBy())).append("</td></tr>");
            }
            b.append("</table><table><tr><th>When</th><th>What</th><th>Stage</th><th>Who</th><th>Detail</th></tr>");
            for (ChronologyEntry x : a.entries()) {
                b.append("<tr><td>").append(e(x.at())).append("</td><td>").append(e(x.event())).append("</td><td>")
                        .append(e(x.stage())).append("</td><td>").append(e(x.actor())).append("</td><td>")
                        .append(e(x.detail())).append("</td></tr>");
            }
            b.append("</table></section>");
        }
        return b.append("</body></html>").toString();
    }

    private static String e(Object o) {
        return o == null ? "" : HtmlUtils.htmlEscape(o.toString());
    }
}
