package org.frontierregistry.tracker.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.frontierregistry.tracker.cli.ExitCodes;
import org.frontierregistry.tracker.record.RegistryLayout;
import org.frontierregistry.tracker.testing.RecordYaml;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.frontierregistry.tracker.testing.TempRegistry.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Editor support: every record starts with the line that points VS Code (and others) at the schema. */
class SchemaLineCheckTest {
    @TempDir
    Path folder;

    @Test
    void aRecordWithoutTheSchemaLineIsAProblemAtLineOneSayingWhatToWrite() {
        TempRegistry registry = TempRegistry.in(folder);
        registry.write("alpha", RecordYaml.of("alpha", "Alpha", "uncertain", null).lines().skip(1)
                .reduce("", (a, b) -> a + b + "\n"));

        Run run = registry.run("validate");

        assertEquals(ExitCodes.PROBLEMS, run.exitCode(), run.all());
        assertEquals("models/alpha.yaml:1:1: error: the first line must be the editor's schema line [missing-schema-line]\n"
                + "    hint: Make the first line exactly: # yaml-language-server: $schema=../schema/model.schema.json"
                + " (it gives your editor completion and inline errors).\n", run.out().lines().limit(2)
                .reduce("", (a, b) -> a + b + "\n"));
    }

    @Test
    void aRecordWithTheSchemaLineHasNoSuchProblem() {
        TempRegistry registry = TempRegistry.in(folder);
        registry.write("alpha", RecordYaml.of("alpha", "Alpha", "uncertain", null));

        assertTrue(registry.run("validate").out().endsWith("\nOK: 1 file checked, no problems, 1 warning.\n")); // the warning: no estimate
    }

    @Test
    void everyRecordInTheRepositoryStartsWithExactlyTheSchemaLine() throws IOException {
        List<Path> records = new RegistryLayout(TempRegistry.realRepository()).recordFiles();
        assertTrue(records.size() > 0);
        for (Path record : records) {
            String first = Files.readAllLines(record).get(0);
            assertEquals(SchemaLineCheck.LINE, first, record.toString());
        }
    }
}
