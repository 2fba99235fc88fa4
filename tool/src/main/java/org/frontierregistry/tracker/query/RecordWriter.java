package org.frontierregistry.tracker.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;
import org.frontierregistry.tracker.publish.CsvTableWriter;
import org.frontierregistry.tracker.publish.SpreadsheetSafe;
import org.frontierregistry.tracker.record.ModelRecord;

/** Prints query results in one of the {@link OutputFormat}s. Every format lists the rows in the order given. */
public final class RecordWriter {
    /** Made on first use: setting up Jackson's mapper is a noticeable part of a table's start-up, which needs none. */
    static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
        static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n")));

        private Json() {
        }
    }

    private RecordWriter() {
    }

    /** @param matched how many records matched (more than rows when --limit cut the list); said under the table */
    public static void write(OutputFormat format, List<Field> columns, List<ModelRecord> rows, int matched, PrintWriter out) {
        switch (format) {
            case table -> table(columns, rows, matched, out);
            case csv -> out.print(csv(columns, rows));
            case json -> out.print(json(columns, rows));
            case markdown -> out.print(markdown(columns, rows));
        }
        out.flush();
    }

    static void table(List<Field> columns, List<ModelRecord> rows, int matched, PrintWriter out) {
        TextTable table = new TextTable(columns.stream().map(Field::label).toList(),
                columns.stream().map(Field::numeric).toList());
        for (ModelRecord record : rows) {
            table.row(columns.stream().map(f -> f.text(record)).toList());
        }
        out.print(table.render(TextTable.TERMINAL_WIDTH));
        String count = matched == 1 ? "1 record" : matched + " records";
        out.print(rows.size() < matched ? "first " + rows.size() + " of " + count + "\n" : count + "\n");
    }

    static String csv(List<Field> columns, List<ModelRecord> rows) {
        StringWriter text = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(text, CsvTableWriter.FORMAT)) {
            csv.printRecord(columns.stream().map(Field::name).toList());
            for (ModelRecord record : rows) {
                csv.printRecord(columns.stream().map(f -> f.numeric() ? f.csv(record) : SpreadsheetSafe.text(f.csv(record))).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    static String json(List<Field> columns, List<ModelRecord> rows) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (ModelRecord record : rows) {
            ObjectNode object = array.addObject();
            columns.forEach(f -> object.set(f.name(), f.json(record)));
        }
        return pretty(array);
    }

    static String markdown(List<Field> columns, List<ModelRecord> rows) {
        StringBuilder md = new StringBuilder();
        md.append(markdownRow(columns.stream().map(Field::name).toList()));
        md.append(markdownRow(columns.stream().map(f -> f.numeric() ? "---:" : "---").toList()));
        for (ModelRecord record : rows) {
            md.append(markdownRow(columns.stream().map(f -> f.text(record)).toList()));
        }
        return md.toString();
    }

    static String markdownRow(List<String> cells) {
        StringBuilder row = new StringBuilder("|");
        for (String cell : cells) {
            row.append(' ').append(cell.replace("\\", "\\\\").replace("|", "\\|").replace('\n', ' ')).append(" |");
        }
        return row.append('\n').toString();
    }

    static String pretty(Object node) {
        try {
            return Json.WRITER.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
