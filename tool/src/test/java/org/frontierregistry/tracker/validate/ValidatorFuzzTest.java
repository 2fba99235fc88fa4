package org.frontierregistry.tracker.validate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.frontierregistry.tracker.record.Problem;
import org.frontierregistry.tracker.record.RegistryLayout;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.frontierregistry.tracker.testing.fuzz.Fuzz;
import org.frontierregistry.tracker.testing.fuzz.Fuzz.Mutant;
import org.frontierregistry.tracker.testing.fuzz.Fuzz.Seed;
import org.frontierregistry.tracker.testing.fuzz.Mutation;

/**
 * The whole validator (reader, schema, every check, the estimates) on a mutated real record beside valid
 * ones: a report whose every problem has a place, and never the "this is a bug" problem or an exception.
 */
class ValidatorFuzzTest {
    private static final RegistryLayout REPO = new RegistryLayout(TempRegistry.realRepository());
    private static final Validator VALIDATOR = validator();
    private static final Map<Path, byte[]> CONTEXT = context();
    private static final List<Seed> SEEDS = Fuzz.seeds(REPO.modelsDir(), ".yaml");

    @Property
    void aMutatedRecordAmongValidOnesGetsProblemsWithPlacesNeverACrash(@ForAll("mutants") Mutant mutant) throws Exception {
        Path file = REPO.modelsDir().resolve(Path.of(mutant.seed().name()).getFileName());
        Map<Path, byte[]> files = new LinkedHashMap<>(CONTEXT);
        files.put(file, mutant.bytes());

        ValidationReport report = Fuzz.bounded(512_000_000L, () -> VALIDATOR.validateFiles(files));

        for (Problem p : report.problems()) {
            assertTrue(files.containsKey(p.file()), p.toString());
            assertTrue(p.line() >= 1 && p.column() >= 1, p.toString());
            assertFalse(p.code().isBlank() || p.message().isBlank(), p.toString());
            assertNotEquals("unreadable-record", p.code(), p.toString());
        }
    }

    // Inputs that once failed, kept as regression cases (the seed file and the mutations reproduce them exactly).

    /** log10_sd: 1e999999999 read as infinity, and formatting it for the derived-values check threw. */
    @Example
    void aNumberBeyondDoubleIsAProblemNotACrash() throws Exception {
        aMutatedRecordAmongValidOnesGetsProblemsWithPlacesNeverACrash(new Mutant(
                Fuzz.seed(REPO.modelsDir().resolve("gpt-3-5.yaml")), List.of(new Mutation(Mutation.Kind.HUGE_NUMBER, 0.63, 0))));
    }

    @Provide
    Arbitrary<Mutant> mutants() {
        return Fuzz.mutantsOf(SEEDS);
    }

    private static Validator validator() {
        try {
            Validator validator = Validator.forRegistry(REPO, Clock.fixed(Instant.parse("2026-06-30T12:00:00Z"), ZoneOffset.UTC));
            // Warm up once (class loading, the schema's first use), so the time bound measures the input, not start-up.
            validator.validateFiles(context());
            return validator;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The valid test records, whose estimates compare with one another: the cross-record checks have work to do. */
    private static Map<Path, byte[]> context() {
        Map<Path, byte[]> files = new LinkedHashMap<>();
        for (Seed seed : Fuzz.seeds(Path.of("src/test/resources/records/valid"), ".yaml")) {
            files.put(REPO.modelsDir().resolve(seed.name()), seed.bytes());
        }
        return files;
    }
}
