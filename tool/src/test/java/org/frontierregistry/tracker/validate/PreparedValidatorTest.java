package org.frontierregistry.tracker.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A validator prepared ahead of its command ({@link Validator#prepare}, while the command line is read) takes the
 * registry's record files as they were listed then, as if the command had started at that moment.
 */
class PreparedValidatorTest {
    @TempDir
    Path folder;

    TempRegistry registry;

    @BeforeEach
    void registryWithTwoRecords() {
        registry = TempRegistry.in(folder.resolve("registry"));
        registry.copyResource("records/valid/every-method.yaml");
        registry.copyResource("records/valid/reference-model.yaml");
    }

    @Test
    void theRecordFilesAreThoseListedWhenItWasPrepared() throws IOException {
        Validator validator = Validator.forRegistry(registry.layout(), Clock.systemDefaultZone());
        validator.prepare(registry.layout());
        registry.copyResource("records/valid/minimal-record.yaml");

        ValidationReport prepared = validator.validateAll(registry.layout());
        ValidationReport afresh = Validator.forRegistry(registry.layout(), Clock.systemDefaultZone()).validateAll(registry.layout());

        assertEquals(2, prepared.filesChecked());
        assertEquals(3, afresh.filesChecked());
    }

    @Test
    void recordsChangedSinceTheCleanRunAreCheckedAgainstTheSchemaCompiledMeanwhile() throws IOException {
        Validator.forRegistry(registry.layout(), Clock.systemDefaultZone()).validateAllFindings(registry.layout());
        registry.copyResource("records/invalid/bad-enum.yaml");
        registry.copyResource("records/invalid/unknown-field.yaml");
        Validator validator = Validator.forRegistry(registry.layout(), Clock.systemDefaultZone());

        validator.prepare(registry.layout());
        ValidationReport prepared = validator.validateAllFindings(registry.layout());
        ValidationReport unprepared = Validator.forRegistry(registry.layout(), Clock.systemDefaultZone())
                .validateAllFindings(registry.layout());

        assertEquals(2, prepared.problems().size(), prepared.problems().toString());
        assertEquals(unprepared.problems(), prepared.problems());
    }

    @Test
    void anotherRegistryIsListedAsItIsNow() throws IOException {
        TempRegistry other = TempRegistry.in(folder.resolve("other"));
        other.copyResource("records/valid/minimal-record.yaml");
        Validator validator = Validator.forRegistry(registry.layout(), Clock.systemDefaultZone());
        validator.prepare(registry.layout());

        assertEquals(1, validator.validateAll(other.layout()).filesChecked());
        assertEquals(2, validator.validateAllFindings(registry.layout()).filesChecked());
    }
}
