package org.frontierregistry.tracker.scrape;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.frontierregistry.tracker.testing.fuzz.Fuzz;
import org.frontierregistry.tracker.testing.fuzz.Fuzz.Mutant;
import org.frontierregistry.tracker.testing.fuzz.Mutation;

/**
 * Every source parser on mutated copies of its real saved snapshot: sightings, or the tool's own
 * {@link SourceShapeException} naming where the response came from. Never another exception, a hang or a
 * memory blow-up.
 */
class SourceParsersFuzzTest {
    private static final String ORIGIN = "https://fuzz.example/response";

    @Property
    void epochCsv(@ForAll("epoch") Mutant mutant) throws Exception {
        assertSightingsOrShapeError(new EpochSource(), mutant);
    }

    @Property
    void lmarenaCsvAndJson(@ForAll("lmarena") Mutant mutant) throws Exception {
        assertSightingsOrShapeError(new LmarenaSource(), mutant);
    }

    @Property
    void openRouterJson(@ForAll("openrouter") Mutant mutant) throws Exception {
        assertSightingsOrShapeError(new OpenRouterSource(), mutant);
    }

    @Property
    void artificialAnalysisJson(@ForAll("artificialAnalysis") Mutant mutant) throws Exception {
        assertSightingsOrShapeError(new ArtificialAnalysisSource(), mutant);
    }

    @Property
    void huggingFaceJson(@ForAll("huggingFace") Mutant mutant) throws Exception {
        assertSightingsOrShapeError(new HuggingFaceSource(), mutant);
    }

    @Property
    void feedsRssAndAtom(@ForAll("feeds") Mutant mutant) throws Exception {
        assertSightingsOrShapeError(new FeedsSource(), mutant);
    }

    // Inputs that once failed, kept as regression cases (the seed file and the mutations reproduce them exactly).

    /** A download cut inside a quoted cell: commons-csv's iterator threw UncheckedIOException past CsvTable. */
    @Example
    void epochCutInsideAQuotedCell() throws Exception {
        assertSightingsOrShapeError(new EpochSource(), new Mutant(Fuzz.seed(Fixtures.EPOCH),
                List.of(new Mutation(Mutation.Kind.TRUNCATE, 0.01, 0))));
    }

    /** 1,400 '[' in front: Jackson's nesting limit stops the read with no location, and the message built from it threw. */
    @Example
    void openRouterNestedDeeperThanJacksonAllows() throws Exception {
        assertSightingsOrShapeError(new OpenRouterSource(), new Mutant(Fuzz.seed(Fixtures.OPENROUTER),
                List.of(new Mutation(Mutation.Kind.DEEP_NESTING, 0.0, 30))));
    }

    @Provide
    Arbitrary<Mutant> epoch() {
        return mutantsOf(Fixtures.EPOCH, Fixtures.EPOCH_NOTABLE, Fixtures.EPOCH_ECI);
    }

    @Provide
    Arbitrary<Mutant> lmarena() {
        return mutantsOf(Fixtures.LMARENA, Fixtures.LMARENA_2026);
    }

    @Provide
    Arbitrary<Mutant> openrouter() {
        return mutantsOf(Fixtures.OPENROUTER);
    }

    @Provide
    Arbitrary<Mutant> artificialAnalysis() {
        return mutantsOf(Fixtures.ARTIFICIAL_ANALYSIS);
    }

    @Provide
    Arbitrary<Mutant> huggingFace() {
        return mutantsOf(Fixtures.HUGGINGFACE);
    }

    @Provide
    Arbitrary<Mutant> feeds() {
        return Fuzz.mutantsOf(Fuzz.seeds(Fixtures.FEEDS, ".xml"));
    }

    private static Arbitrary<Mutant> mutantsOf(Path... snapshots) {
        return Fuzz.mutantsOf(Stream.of(snapshots).map(Fuzz::seed).toList());
    }

    static void assertSightingsOrShapeError(Source source, Mutant mutant) throws Exception {
        byte[] bytes = mutant.bytes();
        List<Sighting> sightings;
        try {
            sightings = Fuzz.bounded(256_000_000L + 300L * bytes.length, () -> source.parse(bytes, ORIGIN));
        } catch (SourceShapeException e) {
            assertTrue(e.getMessage().startsWith(source.name() + ": " + ORIGIN + " "), e.getMessage());
            return;
        }
        for (Sighting s : sightings) {
            assertNotNull(s.key(), s.toString());
            assertFalse(s.key().isBlank(), s.toString());
        }
    }
}
