package org.practicealerts.reporting.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.practicealerts.reporting.api.CentralLogRow;
import org.practicealerts.reporting.api.StageRow;

/** The central log as a flat table (CSV or XLSX): one row per alert, the last turn at each of stages 1 to 4. */
final class CentralLogExport {

    private CentralLogExport() {
    }

    static List<String> header() {
        List<String> h = new ArrayList<>(List.of("alertId", "reference", "childRef", "planType", "teamId", "raisedBy",
                "raiserRole", "primaryCategory", "categories", "urgency", "competenceConcern", "externalAgency",
                "informalFirst", "raisedAt", "entryStage", "stage", "stageReached", "status", "bypasses", "outcome",
                "closedAt", "workingDaysOpen", "reopens", "cafcassReferredOn", "partnershipReferredAt",
                "statutoryDueAt", "statutoryTotalExceeded"));
        for (int s = 1; s <= 4; s++) {
            h.addAll(List.of("stage" + s + "Responder", "stage" + s + "DueAt", "stage" + s + "RespondedAt",
                    "stage" + s + "OnTime"));
        }
        return h;
    }

    static List<String> cells(CentralLogRow r) {
        List<String> c = new ArrayList<>(List.of(s(r.alertId()), s(r.reference()), s(r.childRef()), s(r.planType()),
                s(r.teamId()), s(r.raisedBy()), s(r.raiserRole()), s(r.primaryCategory()),
                String.join(";", r.categories()), s(r.urgency()), s(r.competenceConcern()), s(r.externalAgency()),
                s(r.informalFirst()), s(r.raisedAt()), s(r.entryStage()), s(r.stage()), s(r.stageReached()),
                s(r.status()), s(r.bypasses()), s(r.outcome()), s(r.closedAt()), s(r.workingDaysOpen()),
                s(r.reopens()), s(r.cafcassReferredOn()), s(r.partnershipReferredAt()), s(r.statutoryDueAt()),
                s(r.statutoryTotalExceeded())));
        for (int stage = 1; stage <= 4; stage++) {
            StageRow last = null;
            for (StageRow row : r.stages()) {
                if (row.stage() == stage) {
                    last = row;
                }
            }
            c.addAll(last == null ? List.of("", "", "", "")
                    : List.of(s(last.responderId()), s(last.dueAt()), s(last.respondedAt()), s(last.onTime())));
        }
        return c;
    }

    private static String s(Object o) {
        return o == null ? "" : o.toString();
    }

    static byte[] csv(List<CentralLogRow> rows) {
        StringBuilder b = new StringBuilder();
        line(b, header());
        for (CentralLogRow r : rows) {
            line(b, cells(r));
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder b, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            String v = cells.get(i);
            // Quote when needed; a leading formula character is neutralised so spreadsheets do not evaluate it.
            if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+")) {
                v = "'" + v;
            }
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                b.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                b.append(v);
            }
        }
        b.append("\r\n");
    }

    static byte[] xlsx(List<CentralLogRow> rows) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Central log");
            write(sheet.createRow(0), header());
            int i = 1;
            for (CentralLogRow r : rows) {
                write(sheet.createRow(i++), cells(r));
            }
            wb.write(out);
            wb.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Row row, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            row.createCell(i).setCellValue(cells.get(i));
        }
    }
}
