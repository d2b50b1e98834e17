package org.practicealerts.reporting.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.web.util.HtmlUtils;

/**
 * A picture of a dashboard as Prometheus answered its panels (there is no Grafana here): each panel a card with its
 * title and its series as bars, written as HTML and, where Chromium is installed, as a PNG beside it
 * (target/dashboards). docs/screenshots/dashboard-*.png are taken from these.
 */
final class DashboardPicture {

    /** One panel: its title and the answer's lines ("{labels} value"). */
    record Panel(String title, String description, List<String> answer) {
    }

    private DashboardPicture() {
    }

    static Path write(String title, List<Panel> panels) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(Path.of("target", "dashboards"));
        String name = title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        StringBuilder b = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(e(title)).append("</title><style>body{background:#111217;color:#ccccdc;font-family:sans-serif;"
                        + "margin:16px}h1{font-size:20px}.grid{display:grid;grid-template-columns:repeat(3,1fr);gap:12px}"
                        + ".panel{background:#181b1f;border:1px solid #2c3235;border-radius:4px;padding:10px}"
                        + ".panel h2{font-size:14px;margin:0 0 4px}.panel p{font-size:11px;color:#8e8e8e;margin:0 0 8px}"
                        + ".row{display:flex;align-items:center;font-size:12px;margin:3px 0}.label{width:45%;overflow:hidden;"
                        + "text-overflow:ellipsis;white-space:nowrap}.bar{height:12px;background:#73bf69;margin:0 6px}"
                        + "</style></head><body><h1>").append(e(title)).append("</h1><div class=\"grid\">");
        for (Panel p : panels) {
            double max = 1;
            for (String line : p.answer()) {
                max = Math.max(max, value(line));
            }
            b.append("<div class=\"panel\"><h2>").append(e(p.title())).append("</h2><p>").append(e(p.description()))
                    .append("</p>");
            for (String line : p.answer()) {
                String labels = line.substring(0, line.lastIndexOf(' ')).replaceAll("[{}]", "");
                double v = value(line);
                b.append("<div class=\"row\"><span class=\"label\">").append(e(labels.isEmpty() ? "total" : labels))
                        .append("</span><span class=\"bar\" style=\"width:").append(Math.round(40 * v / max))
                        .append("%\"></span>").append(e(line.substring(line.lastIndexOf(' ') + 1))).append("</div>");
            }
            b.append("</div>");
        }
        Path html = dir.resolve(name + ".html");
        Files.writeString(html, b.append("</div></body></html>").toString());
        Path chromium = Path.of("/usr/bin/chromium");
        if (Files.isExecutable(chromium)) {
            Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--hide-scrollbars", "--window-size=1280,1400", "--screenshot=" + dir.resolve(name + ".png"),
                    html.toUri().toString()).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile())
                    .start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        return html;
    }

    private static double value(String line) {
        try {
            double v = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            return Double.isFinite(v) ? v : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String e(String s) {
        return HtmlUtils.htmlEscape(s == null ? "" : s);
    }
}
