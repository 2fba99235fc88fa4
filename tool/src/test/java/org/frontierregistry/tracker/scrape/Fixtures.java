package org.frontierregistry.tracker.scrape;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The real source snapshots copied into test resources (each folder has its SOURCE.md). */
final class Fixtures {
    static final Path EPOCH = Path.of("src/test/resources/fixtures/epoch/large_scale_ai_models_2026-02.csv");
    static final Path LMARENA = Path.of("src/test/resources/fixtures/lmarena/text_leaderboard_2025-08.csv");
    static final Path OPENROUTER = Path.of("src/test/resources/fixtures/openrouter/models_2026-05.json");
    static final Path EPOCH_NOTABLE = Path.of("src/test/resources/fixtures/epoch/notable_ai_models_2026-07.csv");
    static final Path EPOCH_ECI = Path.of("src/test/resources/fixtures/epoch/epoch_capabilities_index_2026-04.csv");
    static final Path LMARENA_2026 = Path.of("src/test/resources/fixtures/lmarena/text_2026-03-31.json");
    static final Path ARTIFICIAL_ANALYSIS = Path.of("src/test/resources/fixtures/artificialanalysis/llms_models_2026-03-25.json");
    static final Path HUGGINGFACE = Path.of("src/test/resources/fixtures/huggingface/trending_2026-05-04.json");
    static final Path FEEDS = Path.of("src/test/resources/fixtures/feeds");

    private Fixtures() {
    }

    static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
