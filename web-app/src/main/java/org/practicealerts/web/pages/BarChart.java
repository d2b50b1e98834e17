package org.practicealerts.web.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A horizontal bar chart laid out for server-side SVG (no script, so it prints and passes the strict CSP): one row per
 * label, one or more bars per row, each bar stacked from segments of the chart's series. Every figure it draws is
 * also in the table beside it; the chart is for looking, the table for reading.
 */
public final class BarChart {

    /** GOV.UK Design System colours, distinguishable in print and for the common colour-vision deficiencies. */
    private static final List<String> COLOURS = List.of("#1d70b8", "#f47738", "#d4351c", "#00703c", "#4c2c92",
            "#505a5f");
    static final int WIDTH = 640;
    private static final int LABEL_WIDTH = 190;
    /** About what 13-pixel text fits in the label column. */
    private static final int LABEL_CHARS = 26;
    private static final int BAR_AREA = 380;
    private static final int BAR_HEIGHT = 18;
    private static final int BAR_GAP = 4;
    private static final int ROW_GAP = 14;
    private static final int TOP = 34;

    /** A series: its name, in the legend, and its colour. */
    public record Series(String name, String colour, int legendX) {
    }

    /** A drawn rectangle, with what it shows for its tooltip. */
    public record Rect(int x, int y, int width, int height, String colour, String title) {
    }

    /** A text drawn at a point, its end there (a row's label) or its start (a bar's total). */
    public record Label(int x, int y, String text, String anchor) {
    }

    /** One row's label and its bars' values: for each bar, a value per series (null: none). */
    public record Row(String label, List<List<Integer>> bars, List<String> barNames) {
    }

    private final String title;
    private final List<Series> series = new ArrayList<>();
    private final List<Rect> rects = new ArrayList<>();
    private final List<Label> labels = new ArrayList<>();
    private final int height;

    private BarChart(String title, List<String> seriesNames, List<Row> rows) {
        this.title = title;
        int x = 0;
        for (int i = 0; i < seriesNames.size(); i++) {
            series.add(new Series(seriesNames.get(i), COLOURS.get(i % COLOURS.size()), x));
            x += 24 + 8 * seriesNames.get(i).length();
        }
        int max = 1;
        for (Row r : rows) {
            for (List<Integer> bar : r.bars()) {
                max = Math.max(max, bar.stream().mapToInt(v -> v == null ? 0 : v).sum());
            }
        }
        int y = TOP;
        for (Row r : rows) {
            int rowHeight = r.bars().size() * (BAR_HEIGHT + BAR_GAP) - BAR_GAP;
            labels.add(new Label(LABEL_WIDTH - 8, y + rowHeight / 2 + 5, fitted(r.label()), "end"));
            for (int b = 0; b < r.bars().size(); b++) {
                List<Integer> bar = r.bars().get(b);
                int left = LABEL_WIDTH;
                int total = 0;
                for (int s = 0; s < bar.size(); s++) {
                    int v = bar.get(s) == null ? 0 : bar.get(s);
                    int w = (int) Math.round((double) BAR_AREA * v / max);
                    if (w > 0) {
                        String what = r.label() + (r.barNames() == null ? "" : ", " + r.barNames().get(b)) + ", "
                                + seriesNames.get(s) + ": " + v;
                        rects.add(new Rect(left, y, w, BAR_HEIGHT, series.get(s).colour(), what));
                    }
                    left += w;
                    total += v;
                }
                String caption = (r.barNames() == null ? "" : r.barNames().get(b) + ": ") + total;
                labels.add(new Label(left + 6, y + BAR_HEIGHT - 4, caption, "start"));
                y += BAR_HEIGHT + BAR_GAP;
            }
            y += ROW_GAP - BAR_GAP;
        }
        this.height = Math.max(y, TOP + BAR_HEIGHT) + 4;
    }

    /** A row label cut to what fits beside the bars (the table below and each bar's title give it whole). */
    static String fitted(String label) {
        return label.length() <= LABEL_CHARS ? label : label.substring(0, LABEL_CHARS - 1).stripTrailing() + "…";
    }

    /** A chart of rows whose bars stack these series. */
    public static BarChart of(String title, List<String> series, List<Row> rows) {
        return new BarChart(title, series, rows);
    }

    /** One stacked bar per row: the values per series of each row, in the rows' order. */
    public static BarChart stacked(String title, List<String> series, Map<String, List<Integer>> rows) {
        List<Row> out = new ArrayList<>();
        rows.forEach((label, values) -> out.add(new Row(label, List.of(values), null)));
        return new BarChart(title, series, out);
    }

    public String title() {
        return title;
    }

    public List<Series> series() {
        return series;
    }

    public List<Rect> rects() {
        return rects;
    }

    /** Row labels and bar totals. */
    public List<Label> labels() {
        return labels;
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return height;
    }

    public boolean empty() {
        return rects.isEmpty();
    }
}
