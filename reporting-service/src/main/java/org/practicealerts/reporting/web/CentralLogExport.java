package org.practicealerts.reporting.web;

import static org.practicealerts.reporting.web.Workbook.col;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.practicealerts.reporting.api.CentralLogRow;
import org.practicealerts.reporting.api.StageRow;
import org.practicealerts.reporting.domain.ReportBasis;
import org.practicealerts.reporting.web.Workbook.Column;
import org.practicealerts.reporting.web.Workbook.Kind;

/**
 * The central log as a spreadsheet a performance meeting can sort and filter: one row per alert (with the last turn
 * at each of stages 1 to 4), plain-English headers, times in the council's time (Europe/London). As XLSX the cells
 * are real dates, numbers and booleans, the header row is frozen with filters, and two more sheets follow: "Stages"
 * (one row per turn at a stage) and "Data dictionary" (what each column means). As CSV it starts with a byte-order
 * mark so Excel reads it as UTF-8, and a cell that would start a formula is neutralised.
 */
final class CentralLogExport {

    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    static final List<Column<CentralLogRow>> ALERT_COLUMNS = alertColumns();

    static final List<Column<StageTurn>> STAGE_COLUMNS = List.of(
            col("Alert id", "The alert's identifier (links the two sheets)", Kind.TEXT, t -> t.alert().alertId()),
            col("Reference", "The alert's reference, as people quote it", Kind.TEXT, t -> t.alert().reference()),
            col("Stage", "The stage of this turn", Kind.NUMBER, t -> t.stage().stage()),
            col("Entered by", "How the alert came to this stage: raised, escalated, re-opened, further actions",
                    Kind.TEXT, t -> words(t.stage().entry())),
            col("Entered at", "When it entered the stage", Kind.DATE_TIME, t -> t.stage().enteredAt()),
            col("Responder", "Who had to respond at this stage (directory id)", Kind.TEXT,
                    t -> t.stage().responderId()),
            col("Responder's role", "Their role", Kind.TEXT, t -> words(t.stage().responderRole())),
            col("Due at", "The stage's response deadline", Kind.DATE_TIME, t -> t.stage().dueAt()),
            col("Responded at", "When the response was recorded (blank: none)", Kind.DATE_TIME,
                    t -> t.stage().respondedAt()),
            col("Responded by", "Who recorded it (directory id)", Kind.TEXT, t -> t.stage().respondedBy()),
            col("Within timescale", "Whether the response came by the deadline (blank while unanswered)", Kind.YES_NO,
                    t -> t.stage().onTime()),
            col("Left because", "How the stage ended without a response (deadline missed, response inadequate, "
                    + "bypass, closed ...)", Kind.TEXT, t -> words(t.stage().leftBy())));

    /** One turn at a stage, with the alert it belongs to. */
    record StageTurn(CentralLogRow alert, StageRow stage) {
    }

    private CentralLogExport() {
    }

    private static List<Column<CentralLogRow>> alertColumns() {
        List<Column<CentralLogRow>> c = new ArrayList<>(List.of(
                col("Alert id", "The alert's identifier", Kind.TEXT, CentralLogRow::alertId),
                col("Reference", "The alert's reference, as people quote it", Kind.TEXT, CentralLogRow::reference),
                col("Child's case reference", "The child's reference in the case record system", Kind.TEXT,
                        CentralLogRow::childRef),
                col("Plan type", "The child's plan", Kind.TEXT, r -> words(r.planType())),
                col("Team", "The child's team (directory id)", Kind.TEXT, CentralLogRow::teamId),
                col("Raised by", "Who raised it (directory id)", Kind.TEXT, CentralLogRow::raisedBy),
                col("Raiser's role", "CPC, IRO or CRO", Kind.TEXT, CentralLogRow::raiserRole),
                col("Main category", "The procedure's heading the concern falls under first", Kind.TEXT,
                        r -> words(r.primaryCategory())),
                col("All categories", "Every heading it falls under, separated by ;", Kind.TEXT,
                        r -> String.join("; ", r.categories().stream().map(CentralLogExport::words).toList())),
                col("Urgency", "Routine, urgent or immediate risk", Kind.TEXT, r -> words(r.urgency())),
                col("Competence concern", "Whether it is about a practitioner's competence (detail restricted)",
                        Kind.YES_NO, CentralLogRow::competenceConcern),
                col("Other agency", "The partner agency named, if any", Kind.TEXT, CentralLogRow::externalAgency),
                col("Informal resolution tried first", "Whether an informal attempt came before the alert",
                        Kind.YES_NO, CentralLogRow::informalFirst),
                col("Raised at", "When it was raised", Kind.DATE_TIME, CentralLogRow::raisedAt),
                col("Entry stage", "The stage it started at (above 1 when a stage was bypassed)", Kind.NUMBER,
                        CentralLogRow::entryStage),
                col("Current stage", "The stage it is at now", Kind.NUMBER, CentralLogRow::stage),
                col("Highest stage reached", "The highest stage it reached", Kind.NUMBER,
                        CentralLogRow::stageReached),
                col("Status", "Where it is: awaiting response, awaiting judgement, resolved, withdrawn ...",
                        Kind.TEXT, r -> words(r.status())),
                col("Stages bypassed", "How many times a stage was bypassed", Kind.NUMBER, CentralLogRow::bypasses),
                col("Outcome", "How it ended (withheld on a competence concern for those not involved)", Kind.TEXT,
                        r -> words(r.outcome())),
                col("Closed at", "When it was resolved or withdrawn", Kind.DATE_TIME, CentralLogRow::closedAt),
                col("Working days open", "Working days from raising to closing, or to today while open", Kind.NUMBER,
                        CentralLogRow::workingDaysOpen),
                col("Times re-opened", "How many times it was re-opened", Kind.NUMBER, CentralLogRow::reopens),
                col("Referred to Cafcass on", "The day the IRO referred the child to Cafcass", Kind.DATE,
                        CentralLogRow::cafcassReferredOn),
                col("Referred to the partnership at", "When it was referred to the Safeguarding Children "
                        + "Partnership", Kind.DATE_TIME, CentralLogRow::partnershipReferredAt),
                col("Statutory total due at", "When the procedure's whole timescale ends", Kind.DATE_TIME,
                        CentralLogRow::statutoryDueAt),
                col("Statutory total exceeded", "Whether it stayed open past the procedure's whole timescale",
                        Kind.YES_NO, CentralLogRow::statutoryTotalExceeded)));
        for (int s = 1; s <= 4; s++) {
            int stage = s;
            c.add(col("Stage " + s + " responder", "Who had to respond at stage " + s + " (its last turn)", Kind.TEXT,
                    r -> lastAt(r, stage) == null ? null : lastAt(r, stage).responderId()));
            c.add(col("Stage " + s + " due at", "Stage " + s + "'s deadline (its last turn)", Kind.DATE_TIME,
                    r -> lastAt(r, stage) == null ? null : lastAt(r, stage).dueAt()));
            c.add(col("Stage " + s + " responded at", "When stage " + s + " was answered (its last turn)",
                    Kind.DATE_TIME, r -> lastAt(r, stage) == null ? null : lastAt(r, stage).respondedAt()));
            c.add(col("Stage " + s + " within timescale", "Whether stage " + s + " was answered by its deadline",
                    Kind.YES_NO, r -> lastAt(r, stage) == null ? null : lastAt(r, stage).onTime()));
        }
        return List.copyOf(c);
    }

    private static StageRow lastAt(CentralLogRow r, int stage) {
        StageRow last = null;
        for (StageRow row : r.stages()) {
            if (row.stage() == stage) {
                last = row;
            }
        }
        return last;
    }

    /** A code as words: {@code CHILD_WE_CARE_FOR} → "Child we care for"; null stays null. */
    static String words(Object code) {
        if (code == null) {
            return null;
        }
        String s = code.toString().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static List<String> header() {
        return ALERT_COLUMNS.stream().map(Column::header).toList();
    }

    private static final String FORMULA_STARTS = "=+-@\t\r";

    /** A value as CSV shows it: times in UK time, yes or no, a formula-like text neutralised. */
    static String csvCell(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Instant at) {
            return CSV_TIME.format(LocalDateTime.ofInstant(at, ReportBasis.LONDON));
        }
        if (v instanceof Boolean b) {
            return b ? "Yes" : "No";
        }
        String s = v.toString();
        // A cell a spreadsheet would evaluate (starting =, +, -, @, or a tab or carriage return before one, as
        // OWASP's CSV injection guidance lists) is shown as text; numbers are not touched.
        return !s.isEmpty() && FORMULA_STARTS.indexOf(s.charAt(0)) >= 0 && !(v instanceof Number) ? "'" + s : s;
    }

    static byte[] csv(List<CentralLogRow> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.EXCEL)) {
            w.write('\uFEFF');
            csv.printRecord(header());
            for (CentralLogRow r : rows) {
                List<String> cells = new ArrayList<>();
                ALERT_COLUMNS.forEach(c -> cells.add(csvCell(c.value().apply(r))));
                csv.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The workbook, each sheet printed with the protective marking at its top and bottom. */
    static byte[] xlsx(List<CentralLogRow> rows, String marking) {
        return Workbook.write(wb -> {
            wb.marking(marking);
            wb.table("Central log", ALERT_COLUMNS, rows);
            List<StageTurn> turns = new ArrayList<>();
            rows.forEach(r -> r.stages().forEach(s -> turns.add(new StageTurn(r, s))));
            wb.table("Stages", STAGE_COLUMNS, turns);
            wb.dictionary(List.of(new Workbook.Sheeted<>("Central log", ALERT_COLUMNS),
                    new Workbook.Sheeted<>("Stages", STAGE_COLUMNS)));
        });
    }
}
