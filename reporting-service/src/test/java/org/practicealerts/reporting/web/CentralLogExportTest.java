package org.practicealerts.reporting.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.practicealerts.events.PlanType;
import org.practicealerts.events.Urgency;
import org.practicealerts.reporting.api.CentralLogRow;
import org.practicealerts.reporting.api.StageRow;

class CentralLogExportTest {

    /** Raised 09:00 London time in summer (08:00 UTC), escalated once, answered at stage 2. */
    private static final CentralLogRow ROW = new CentralLogRow("a-1", "PA-2026-000007", "MOSAIC-7",
            PlanType.CHILD_WE_CARE_FOR, "team-north", "iro-1", "IRO", "STATUTORY_VISIT",
            List.of("STATUTORY_VISIT", "CHILDS_VOICE"), Urgency.ROUTINE, false, "=HYPERLINK(\"x\")", true,
            Instant.parse("2026-06-01T08:00:00Z"), 1, 2, 2, "AWAITING_JUDGEMENT",
            List.of(new StageRow(1, "RAISED", Instant.parse("2026-06-01T08:00:00Z"), "tm-north", "TEAM_MANAGER",
                            Instant.parse("2026-06-08T16:00:00Z"), null, null, null, "DEADLINE_MISSED"),
                    new StageRow(2, "ESCALATED", Instant.parse("2026-06-08T16:00:00Z"), "sm-north", "SERVICE_MANAGER",
                            Instant.parse("2026-06-15T16:00:00Z"), Instant.parse("2026-06-10T11:30:00Z"), "sm-north",
                            true, null)),
            0, null, null, 7, 0, LocalDate.of(2026, 6, 12), null, Instant.parse("2026-06-29T16:00:00Z"), false);

    @Test
    void theWorkbookHasRealDatesNumbersAndBooleansInUkTimeUnderPlainEnglishHeadersFrozenWithFilters()
            throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(CentralLogExport.xlsx(List.of(ROW), "OFFICIAL-SENSITIVE")))) {
            assertThat(List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2)))
                    .containsExactly("Central log", "Stages", "Data dictionary");
            XSSFSheet log = wb.getSheet("Central log");
            Row head = log.getRow(0);
            Row row = log.getRow(1);
            int raisedAt = column(head, "Raised at");
            assertThat(row.getCell(raisedAt).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(row.getCell(raisedAt))).isTrue();
            assertThat(row.getCell(raisedAt).getLocalDateTimeCellValue()).as("BST: 08:00 UTC is 09:00 in London")
                    .isEqualTo(LocalDateTime.of(2026, 6, 1, 9, 0));
            assertThat(row.getCell(column(head, "Referred to Cafcass on")).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.of(2026, 6, 12));
            assertThat(row.getCell(column(head, "Working days open")).getNumericCellValue()).isEqualTo(7);
            assertThat(row.getCell(column(head, "Informal resolution tried first")).getCellType())
                    .isEqualTo(CellType.BOOLEAN);
            assertThat(row.getCell(column(head, "Plan type")).getStringCellValue()).isEqualTo("Child we care for");
            assertThat(row.getCell(column(head, "Stage 2 within timescale")).getBooleanCellValue()).isTrue();
            assertThat(row.getCell(column(head, "Stage 1 responded at"))).as("unanswered: empty").isNull();
            assertThat(log.getPaneInformation().isFreezePane()).isTrue();
            assertThat(log.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(log.getCTWorksheet().getAutoFilter().getRef()).startsWith("A1:");
            assertThat(log.getColumnWidth(column(head, "Child's case reference"))).isGreaterThan(256 * 10);
        }
    }

    @Test
    void theStagesSheetHasOneRowPerTurnAndTheDictionaryExplainsEveryColumn() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(CentralLogExport.xlsx(List.of(ROW), "OFFICIAL-SENSITIVE")))) {
            XSSFSheet stages = wb.getSheet("Stages");
            assertThat(stages.getLastRowNum()).isEqualTo(2);
            Row head = stages.getRow(0);
            assertThat(stages.getRow(1).getCell(column(head, "Left because")).getStringCellValue())
                    .isEqualTo("Deadline missed");
            assertThat(stages.getRow(2).getCell(column(head, "Responded at")).getLocalDateTimeCellValue())
                    .isEqualTo(LocalDateTime.of(2026, 6, 10, 12, 30));
            XSSFSheet dictionary = wb.getSheet("Data dictionary");
            assertThat(dictionary.getLastRowNum()).isEqualTo(CentralLogExport.ALERT_COLUMNS.size()
                    + CentralLogExport.STAGE_COLUMNS.size());
            assertThat(dictionary.getRow(1).getCell(2).getStringCellValue()).isNotBlank();
        }
    }

    @Test
    void theCsvStartsWithAByteOrderMarkShowsUkTimesAndNeutralisesFormulas() throws Exception {
        String csv = new String(CentralLogExport.csv(List.of(ROW)), StandardCharsets.UTF_8);

        assertThat(csv).startsWith("\uFEFFAlert id,Reference,Child's case reference");
        List<CSVRecord> records = CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.substring(1))).getRecords();
        assertThat(records).hasSize(1);
        CSVRecord r = records.get(0);
        assertThat(r.get("Raised at")).isEqualTo("2026-06-01 09:00");
        assertThat(r.get("Other agency")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(r.get("All categories")).isEqualTo("Statutory visit; Childs voice");
        assertThat(r.get("Competence concern")).isEqualTo("No");
        assertThat(r.get("Stage 1 responded at")).isEmpty();
    }

    @Test
    void everyStartOwaspListsForAFormulaIsNeutralisedAndNumbersAreLeftAlone() {
        for (String formula : List.of("=1+1", "+1", "-1+2", "@SUM(A1)", "\t=1", "\r=1")) {
            assertThat(CentralLogExport.csvCell(formula)).as(formula).isEqualTo("'" + formula);
        }
        assertThat(CentralLogExport.csvCell(-3)).isEqualTo("-3");
        assertThat(CentralLogExport.csvCell("North team")).isEqualTo("North team");
    }

    private static int column(Row head, String header) {
        for (int i = 0; i < head.getLastCellNum(); i++) {
            if (head.getCell(i).getStringCellValue().equals(header)) {
                return i;
            }
        }
        throw new AssertionError("no column " + header);
    }
}
