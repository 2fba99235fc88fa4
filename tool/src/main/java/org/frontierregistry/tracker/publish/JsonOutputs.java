package org.frontierregistry.tracker.publish;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import org.frontierregistry.tracker.io.AtomicFiles;
import org.frontierregistry.tracker.record.LoadedRecord;

/** {@code models.json} (every record as written) and {@code datapackage.json} (Frictionless Data Package). */
public final class JsonOutputs {
    static final String MODELS_DESCRIPTION = "Every record of the registry, as written in models/<id>.yaml.";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private JsonOutputs() {
    }

    public static void writeModels(Path file, List<LoadedRecord> records) throws IOException {
        writeModels(file, records, RowReuse.none());
    }

    /**
     * Written as Jackson's pretty printer writes the whole tree, one model at a time: each model is its own row, copied
     * from the last build when {@code reuse} has it. A model printed alone differs from one printed inside
     * {@code "models"} only in its indentation, two levels more after each line end (JSON text holds no other line
     * end: one in a string is escaped).
     */
    public static void writeModels(Path file, List<LoadedRecord> records, RowReuse reuse) throws IOException {
        AtomicFiles.write(file, stream -> {
            OutputStream out = new BufferedOutputStream(stream, 1 << 16);
            RowWriter rows = reuse.writer(file.getFileName().toString(), out);
            rows.text("{\n  \"description\" : " + MAPPER.writeValueAsString(MODELS_DESCRIPTION)
                    + ",\n  \"count\" : " + records.size() + ",\n  \"models\" : [");
            for (int i = 0; i < records.size(); i++) {
                LoadedRecord record = records.get(i);
                rows.text(i == 0 ? "\n    " : ",\n    ");
                rows.row(record.id(), () -> modelText(record.document().root()));
            }
            rows.text(records.isEmpty() ? " ]\n}\n" : "\n  ]\n}\n");
            rows.finish();
            out.flush();
        });
    }

    private static String modelText(JsonNode model) {
        try {
            return WRITER.writeValueAsString(model).replace("\n", "\n    ");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a record's tree cannot be written as JSON", e);
        }
    }

    /** A Frictionless Data Package describing the CSV tables, with their column types and meanings. */
    public static void writeDataPackage(Path file, List<Table> tables) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("profile", "tabular-data-package");
        root.put("name", "frontier-compute-registry");
        root.put("title", "AI models trained with more than 1e25 FLOP");
        root.put("description", "Models whose training compute is estimated above 1e25 FLOP, and the models checked and "
                + "found below, with the estimates and reasoning behind each. Built from models/*.yaml by `tracker build`.");
        ObjectNode license = root.putArray("licenses").addObject();
        license.put("name", "CC-BY-4.0");
        license.put("path", "https://creativecommons.org/licenses/by/4.0/");
        license.put("title", "Creative Commons Attribution 4.0");
        ObjectNode source = root.putArray("sources").addObject();
        source.put("title", "Epoch AI, Large-Scale AI Models (CC BY 4.0)");
        source.put("path", "https://epoch.ai/data/ai-models");
        ArrayNode resources = root.putArray("resources");
        for (Table table : tables) {
            ObjectNode resource = resources.addObject();
            resource.put("name", table.name());
            resource.put("path", table.fileName());
            resource.put("profile", "tabular-data-resource");
            resource.put("format", "csv");
            resource.put("mediatype", "text/csv");
            resource.put("encoding", "utf-8");
            resource.put("description", table.description());
            ArrayNode fields = resource.putObject("schema").putArray("fields");
            for (Column column : table.columns()) {
                ObjectNode field = fields.addObject();
                field.put("name", column.name());
                field.put("type", column.type());
                field.put("description", column.description());
            }
        }
        write(file, root);
    }

    /** A published CSV table: its resource name, file and columns. */
    public record Table(String name, String fileName, String description, List<Column> columns) {
    }

    /** Streamed into the file: models.json of 10,000 records is 20 MB, never held as one string. */
    static void write(Path file, JsonNode node) throws IOException {
        AtomicFiles.write(file, stream -> {
            OutputStream out = new BufferedOutputStream(stream, 1 << 16);
            try (JsonGenerator json = WRITER.createGenerator(out, JsonEncoding.UTF8)) {
                json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                WRITER.writeValue(json, node);
            }
            out.write('\n');
            out.flush();
        });
    }
}
