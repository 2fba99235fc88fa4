package org.frontierregistry.tracker.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.frontierregistry.tracker.record.LoadedRecord;
import org.frontierregistry.tracker.testing.RecordYaml;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.frontierregistry.tracker.validate.ValidationReport;
import org.frontierregistry.tracker.validate.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** models.json, written one model at a time, is exactly what Jackson's pretty printer writes for the whole tree. */
class JsonOutputsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectWriter WHOLE_TREE = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    @TempDir
    Path folder;

    private List<LoadedRecord> records() throws IOException {
        TempRegistry registry = TempRegistry.in(folder.resolve("repo"));
        registry.copyResource("records/valid/every-method.yaml");
        registry.copyResource("records/valid/reference-model.yaml");
        registry.write("quoted", RecordYaml.of("quoted", "'Ünïcode \"model\" — a backslash \\ and a tab\t'", "likely_above",
                2.0e25, false, "notes: \"two lines:\\nthe second, with </script> in it\"\n"));
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        ValidationReport report = Validator.forRegistry(registry.layout(), clock).validateAll(registry.layout());
        assertEquals(3, report.records().size(), report.problems().toString());
        return report.records().loaded();
    }

    private static String wholeTree(List<LoadedRecord> records) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("description", "Every record of the registry, as written in models/<id>.yaml.");
        root.put("count", records.size());
        records.forEach(record -> root.withArray("models").add(record.document().root()));
        if (records.isEmpty()) {
            root.putArray("models");
        }
        return WHOLE_TREE.writeValueAsString(root) + "\n";
    }

    @Test
    void modelsJsonIsTheWholeTreeAsJacksonPrintsIt() throws IOException {
        List<LoadedRecord> records = records();
        Path file = folder.resolve("models.json");

        JsonOutputs.writeModels(file, records);

        assertEquals(3, records.size());
        assertEquals(wholeTree(records), Files.readString(file));
    }

    @Test
    void oneModelAndNoModelAreWrittenAsTheWholeTreeToo() throws IOException {
        List<LoadedRecord> records = records();
        Path file = folder.resolve("models.json");

        JsonOutputs.writeModels(file, records.subList(0, 1));
        assertEquals(wholeTree(records.subList(0, 1)), Files.readString(file));

        JsonOutputs.writeModels(file, List.of());
        assertEquals(wholeTree(List.of()), Files.readString(file));
    }
}
