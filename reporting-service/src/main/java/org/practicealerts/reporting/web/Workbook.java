package org.practicealerts.reporting.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.practicealerts.reporting.domain.ReportBasis;

/**
 * A spreadsheet as the exports write it (Apache POI, streaming): each table a sheet with plain-English headers,
 * real date, number and boolean cells in the council's time (Europe/London), the header row frozen with filters and
 * widths by kind of value. The streaming workbook's temporary files are disposed whatever happens.
 */
final class Workbook {

    /** The kind of a column's values, which decides its cell type and width. */
    enum Kind {
        TEXT("text", 18), NUMBER("number", 10), YES_NO("yes or no", 10), DATE_TIME("date and time, UK time", 17),
        DATE("date", 12);

        final String described;
        final int width;

        Kind(String described, int width) {
            this.described = described;
            this.width = width;
        }
    }

    /** A column: its header, what it means, the kind of its values and its value in a row. */
    record Column<T>(String header, String meaning, Kind kind, Function<T, Object> value) {
    }

    static <T> Column<T> col(String header, String meaning, Kind kind, Function<T, Object> value) {
        return new Column<>(header, meaning, kind, value);
    }

    private final SXSSFWorkbook wb;
    private final CellStyle header;
    private final CellStyle title;
    private final CellStyle dateTime;
    private final CellStyle date;
    private final CellStyle decimal;
    private String marking;

    private Workbook(SXSSFWorkbook wb) {
        this.wb = wb;
        Font bold = wb.createFont();
        bold.setBold(true);
        header = wb.createCellStyle();
        header.setFont(bold);
        header.setWrapText(true);
        Font big = wb.createFont();
        big.setBold(true);
        big.setFontHeightInPoints((short) 14);
        title = wb.createCellStyle();
        title.setFont(big);
        dateTime = wb.createCellStyle();
        dateTime.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
        date = wb.createCellStyle();
        date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
        decimal = wb.createCellStyle();
        decimal.setDataFormat(wb.createDataFormat().getFormat("0.0"));
    }

    /** Builds a workbook and returns its bytes. */
    static byte[] write(Consumer<Workbook> content) {
        SXSSFWorkbook wb = new SXSSFWorkbook(200);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            content.accept(new Workbook(wb));
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            wb.dispose(); // the streaming workbook's temporary files
            try {
                wb.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }

    /** The protective marking printed at the top and bottom of every sheet made after this call. */
    Workbook marking(String marking) {
        this.marking = marking;
        return this;
    }

    /** A sheet of one table: a header row, then one row per item. */
    <T> SXSSFSheet table(String name, List<Column<T>> columns, List<T> rows) {
        SXSSFSheet sheet = sheet(name);
        Row head = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = head.createCell(i);
            cell.setCellValue(columns.get(i).header());
            cell.setCellStyle(header);
            sheet.setColumnWidth(i, 256 * Math.max(columns.get(i).kind().width,
                    Math.min(40, columns.get(i).header().length() + 2)));
        }
        int n = 1;
        for (T row : rows) {
            Row line = sheet.createRow(n++);
            for (int i = 0; i < columns.size(); i++) {
                cell(line, i, columns.get(i).value().apply(row));
            }
        }
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, n - 1), 0, columns.size() - 1));
        return sheet;
    }

    /**
     * A cover sheet: a title, then label and value lines (a value may be a date, a number or text; a line of one
     * cell is a heading).
     */
    SXSSFSheet cover(String name, String heading, List<List<Object>> lines) {
        SXSSFSheet sheet = sheet(name);
        Cell t = sheet.createRow(0).createCell(0);
        t.setCellValue(heading);
        t.setCellStyle(title);
        int n = 2;
        for (List<Object> line : lines) {
            Row row = sheet.createRow(n++);
            for (int i = 0; i < line.size(); i++) {
                cell(row, i, line.get(i));
            }
            if (line.size() == 1) {
                row.getCell(0).setCellStyle(header);
            }
        }
        sheet.setColumnWidth(0, 256 * 44);
        for (int i = 1; i < 4; i++) {
            sheet.setColumnWidth(i, 256 * 18);
        }
        return sheet;
    }

    /** The data dictionary: what each column of each sheet means. */
    void dictionary(List<Sheeted<?>> sheets) {
        List<String[]> entries = new java.util.ArrayList<>();
        for (Sheeted<?> s : sheets) {
            s.columns().forEach(c -> entries.add(new String[] {s.sheet(), c.header(), c.meaning(), c.kind().described}));
        }
        List<Column<String[]>> columns = List.of(col("Sheet", "", Kind.TEXT, e -> e[0]),
                col("Column", "", Kind.TEXT, e -> e[1]), col("What it means", "", Kind.TEXT, e -> e[2]),
                col("Values", "", Kind.TEXT, e -> e[3]));
        Sheet sheet = table("Data dictionary", columns, entries);
        sheet.setColumnWidth(1, 256 * 30);
        sheet.setColumnWidth(2, 256 * 80);
        sheet.setColumnWidth(3, 256 * 22);
    }

    /** A sheet's name with its columns, for the dictionary. */
    record Sheeted<T>(String sheet, List<Column<T>> columns) {
    }

    private SXSSFSheet sheet(String name) {
        SXSSFSheet sheet = wb.createSheet(name);
        if (marking != null) {
            sheet.getHeader().setCenter(marking);
            sheet.getFooter().setCenter(marking);
            sheet.getFooter().setRight("Page &P of &N");
        }
        return sheet;
    }

    private void cell(Row row, int i, Object v) {
        if (v == null) {
            return;
        }
        Cell cell = row.createCell(i);
        if (v instanceof Instant at) {
            cell.setCellValue(LocalDateTime.ofInstant(at, ReportBasis.LONDON));
            cell.setCellStyle(dateTime);
        } else if (v instanceof LocalDate day) {
            cell.setCellValue(day);
            cell.setCellStyle(date);
        } else if (v instanceof Double d) {
            cell.setCellValue(d);
            cell.setCellStyle(decimal);
        } else if (v instanceof Number number) {
            cell.setCellValue(number.doubleValue());
        } else if (v instanceof Boolean b) {
            cell.setCellValue(b);
        } else {
            cell.setCellValue(v.toString());
        }
    }
}
