package org.frontierregistry.tracker.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.frontierregistry.tracker.record.RecordReader;
import org.frontierregistry.tracker.record.RecordTrees;
import org.frontierregistry.tracker.record.RegistryLayout;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.frontierregistry.tracker.testing.fuzz.Fuzz;
import org.frontierregistry.tracker.testing.fuzz.Fuzz.Mutant;
import org.frontierregistry.tracker.testing.fuzz.Fuzz.Seed;

/**
 * The validation cache as the repository's records leave it, then damaged: every entry reads back as
 * exactly what was stored, or as a miss. Never a wrong tree, never an exception.
 */
class ValidationCacheFuzzTest {
    private static final String TOOL = "fuzz";
    private static final String SCHEMA = "schema";
    private static final Map<String, String> TREES = new LinkedHashMap<>();
    private static final Path FOLDER = folder();
    private static final Seed CACHE = writeCache();

    @Property
    void aDamagedCacheGivesTheStoredTreeOrAMissForEveryEntry(@ForAll("mutants") Mutant mutant) throws Exception {
        Path file = FOLDER.resolve("validation.cache");
        Files.write(file, mutant.bytes());

        Fuzz.bounded(256_000_000L, () -> {
            ValidationCache cache = ValidationCache.open(file, TOOL, SCHEMA);
            for (Map.Entry<String, String> stored : TREES.entrySet()) {
                JsonNode tree = cache.tree(stored.getKey());
                if (tree != null) {
                    assertEquals(stored.getValue(), RecordTrees.toJson(tree), "entry " + stored.getKey());
                }
            }
            return null;
        });
    }

    @Provide
    Arbitrary<Mutant> mutants() {
        return Fuzz.mutantsOf(List.of(CACHE));
    }

    /** The cache file as validating the repository's records writes it. */
    private static Seed writeCache() {
        Path file = FOLDER.resolve("seed.cache");
        ValidationCache cache = ValidationCache.open(file, TOOL, SCHEMA);
        RecordReader reader = new RecordReader();
        for (Path record : new RegistryLayout(TempRegistry.realRepository()).recordFiles()) {
            try {
                byte[] bytes = Files.readAllBytes(record);
                JsonNode tree = reader.parse(record, bytes).document().root();
                String digest = ValidationCache.digest(bytes);
                cache.remember(digest, tree);
                TREES.put(digest, RecordTrees.toJson(tree));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        cache.save();
        ValidationCache undamaged = ValidationCache.open(file, TOOL, SCHEMA);
        if (TREES.isEmpty() || !TREES.keySet().stream().allMatch(digest -> undamaged.tree(digest) != null)) {
            throw new IllegalStateException("the undamaged cache should give back every tree it was given");
        }
        return Fuzz.seed(file);
    }

    private static Path folder() {
        try {
            Path folder = Files.createTempDirectory("validation-cache-fuzz");
            folder.toFile().deleteOnExit();
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
