package org.practicealerts.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BarChartTest {

    @Test
    void barsAreScaledToTheLongestAndStackedInSeriesOrderWithEachFigureInTheirTitles() {
        Map<String, List<Integer>> rows = new LinkedHashMap<>();
        rows.put("North", List.of(2, 2));
        rows.put("South", List.of(1, 0));

        BarChart chart = BarChart.stacked("Open by team", List.of("Stage 1", "Stage 2"), rows);

        assertThat(chart.rects()).hasSize(3);
        BarChart.Rect north1 = chart.rects().get(0);
        BarChart.Rect north2 = chart.rects().get(1);
        BarChart.Rect south1 = chart.rects().get(2);
        assertThat(north2.x()).isEqualTo(north1.x() + north1.width());
        assertThat(north1.width() + north2.width()).as("the longest bar fills the bar area").isEqualTo(380);
        assertThat(south1.width()).isEqualTo(95);
        assertThat(north1.colour()).isNotEqualTo(north2.colour());
        assertThat(north2.title()).isEqualTo("North, Stage 2: 2");
        assertThat(chart.labels()).extracting(BarChart.Label::text).contains("North", "4", "South", "1");
    }

    @Test
    void aLongRowLabelIsCutToFitAndNothingIsDrawnForNoFigures() {
        assertThat(BarChart.fitted("Children We Care For North and East")).hasSize(26).endsWith("…");
        assertThat(BarChart.fitted("North")).isEqualTo("North");
        assertThat(BarChart.stacked("Empty", List.of("A"), Map.of("North", List.of(0))).empty()).isTrue();
    }
}
