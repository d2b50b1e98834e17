package org.practicealerts.reporting.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.practicealerts.events.AlertResolved;
import org.practicealerts.events.AlertStatus;
import org.practicealerts.events.EventJson;
import org.practicealerts.events.NoteAdded;
import org.practicealerts.events.PlanType;
import org.practicealerts.events.PracticeEvent;
import org.practicealerts.events.Urgency;
import org.practicealerts.reporting.domain.Scenario;
import org.practicealerts.text.SealedText;
import org.practicealerts.text.TextKeys;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The reporting-service keeps free text sealed, as the events carry it, and opens it per report: an entitled reader
 * reads it in the chronology, the central log and its exports until the alert's key is erased, then "[text erased]"
 * in all of them (once the few seconds a key stays in memory have passed), with the counts unchanged. Runs after the
 * scenario's tests (its events come on top of theirs).
 */
class SealedTextReportsTest extends ReportingServiceRig {

    @Autowired
    SealedText text;
    @Autowired
    TextKeys keys;

    @Test
    void sealedTextReadsInEveryReportUntilItsKeyIsErasedAndTheCountsStayTheSame() throws Exception {
        String alertId = UUID.randomUUID().toString();
        String child = "SEALED-1";
        String marker = "Qx" + alertId.substring(0, 8);
        publish(
                Scenario.raised(alertId, child, PlanType.CHILD_PROTECTION, "team-north", "cpc-1", "CPC",
                        List.of("PLANNING"), Urgency.ROUTINE, false, false, 1, null, "tm-north",
                        "2026-03-02T10:00:00Z", "2026-03-09T17:00:00Z"),
                new NoteAdded(UUID.randomUUID().toString(), alertId, Instant.parse("2026-03-03T10:00:00Z"), 1,
                        "n-1", "cpc-1", text.seal(alertId, "Note " + marker)),
                new AlertResolved(UUID.randomUUID().toString(), alertId, Instant.parse("2026-03-04T10:00:00Z"), 1, 1,
                        "cpc-1", text.seal(alertId, "Outcome " + marker), false, List.of(), AlertStatus.RESOLVED));
        String chronology = "/api/v1/reports/children/" + child + "/chronology";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(get(chronology, "viewer-1", "REPORT_VIEWER")).contains("Outcome " + marker));
        String log = "/api/v1/reports/central-log?childRef=" + child;
        assertThat(get(chronology + "?format=html", "viewer-1", "REPORT_VIEWER")).contains("Note " + marker);
        assertThat(get(log + "&format=csv", "viewer-1", "REPORT_VIEWER")).containsIgnoringCase("Outcome " + marker);
        String monthly = get("/api/v1/reports/monthly?month=2026-03", "viewer-1", "REPORT_VIEWER");

        keys.erase(alertId, "admin-1", "Request REQ-9: wrong child");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(get(chronology, "viewer-1", "REPORT_VIEWER")).contains(SealedText.ERASED));
        for (String report : List.of(chronology, chronology + "?format=html", log, log + "&format=csv")) {
            assertThat(get(report, "viewer-1", "REPORT_VIEWER")).as(report).doesNotContainIgnoringCase(marker)
                    .containsIgnoringCase(SealedText.ERASED);
        }
        assertThat(xlsx(log + "&format=xlsx")).doesNotContainIgnoringCase(marker)
                .containsIgnoringCase(SealedText.ERASED);
        assertThat(withoutGeneratedAt(get("/api/v1/reports/monthly?month=2026-03", "viewer-1", "REPORT_VIEWER")))
                .isEqualTo(withoutGeneratedAt(monthly));
    }

    private static void publish(PracticeEvent... events) throws Exception {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (PracticeEvent e : events) {
                producer.send(new ProducerRecord<>(EVENTS, e.aggregateId(), EventJson.writeBytes(e)))
                        .get(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Every cell of the workbook, as text. */
    private String xlsx(String uri) throws Exception {
        byte[] bytes = web.get().uri(uri).headers(h -> h.setBearerAuth(token("viewer-1", "REPORT_VIEWER")))
                .exchange().expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        StringBuilder all = new StringBuilder();
        DataFormatter format = new DataFormatter();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            wb.forEach(sheet -> sheet.forEach(row -> row.forEach(cell -> all.append(format.formatCellValue(cell))
                    .append('\t'))));
        }
        return all.toString();
    }

    private static String withoutGeneratedAt(String json) {
        return json.replaceAll("\"generatedAt\":\"[^\"]*\"", "");
    }
}
