package org.frontierregistry.tracker.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.frontierregistry.tracker.testing.fuzz.Fuzz;
import org.frontierregistry.tracker.testing.fuzz.Fuzz.Mutant;
import org.frontierregistry.tracker.testing.fuzz.Fuzz.Seed;
import org.frontierregistry.tracker.testing.fuzz.Mutation;

/** The record reader on mutated real records: a document, or problems that each point at a real place. Never an exception. */
class RecordReaderFuzzTest {
    private static final Path FILE = Path.of("models/fuzzed.yaml");
    private static final List<Seed> SEEDS = seeds();

    @Property
    void aMutatedRecordReadsOrFailsWithProblemsAtPlacesInTheFile(@ForAll("mutants") Mutant mutant) throws Exception {
        byte[] bytes = mutant.bytes();
        RecordReader.Result result = Fuzz.bounded(64_000_000L + 200L * bytes.length, () -> new RecordReader().parse(FILE, bytes));
        assertReadOrPlaced(result, bytes);
    }

    // Inputs that once failed, kept as regression cases (the seed file and the mutations reproduce them exactly).

    /** 247 KB of one unbroken line: the YAML scanner allocated 122 MB (quadratic); now refused as line-too-long. */
    @Example
    void aQuarterMegabyteLineIsRefusedBeforeTheYamlScannerSeesIt() throws Exception {
        Seed seed = Fuzz.seed(TempRegistry.realRepository().resolve("models/amazon-nova-pro.yaml"));
        aMutatedRecordReadsOrFailsWithProblemsAtPlacesInTheFile(new Mutant(seed,
                List.of(new Mutation(Mutation.Kind.DEEP_NESTING, 0.0, 471))));
    }

    @Provide
    Arbitrary<Mutant> mutants() {
        return Fuzz.mutantsOf(SEEDS);
    }

    /** A clean document, or at least one problem, each in this file at a line and column that exist. */
    static void assertReadOrPlaced(RecordReader.Result result, byte[] bytes) {
        if (result.ok()) {
            assertNotNull(result.document().root());
            return;
        }
        assertFalse(result.problems().isEmpty(), "a failed read says why");
        int lines = new String(bytes, StandardCharsets.UTF_8).split("\r\n|\r|\n", -1).length;
        for (Problem p : result.problems()) {
            assertEquals(FILE, p.file());
            assertTrue(p.line() >= 1 && p.line() <= lines + 1, "line " + p.line() + " of " + lines + ": " + p);
            assertTrue(p.column() >= 1, p.toString());
            assertFalse(p.code().isBlank() || p.message().isBlank(), p.toString());
        }
    }

    static List<Seed> seeds() {
        List<Seed> seeds = new ArrayList<>(Fuzz.seeds(TempRegistry.realRepository().resolve(RegistryLayout.MODELS), ".yaml"));
        seeds.addAll(Fuzz.seeds(Path.of("src/test/resources/records"), ".yaml"));
        return List.copyOf(seeds);
    }
}
