package org.frontierregistry.tracker.imputation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The training table built from the saved public snapshots in test resources (fixtures/*, see their SOURCE.md). */
class TrainingTableBuilderTest {
    static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    static final TrainingTableBuilder.Snapshots SNAPSHOTS = new TrainingTableBuilder.Snapshots(
            FIXTURES.resolve("epoch/epoch_capabilities_index_2026-04.csv"),
            List.of(FIXTURES.resolve("epoch/notable_ai_models_2026-07.csv"), FIXTURES.resolve("epoch/large_scale_ai_models_2026-02.csv")),
            FIXTURES.resolve("artificialanalysis/llms_models_2026-03-25.json"),
            List.of(FIXTURES.resolve("lmarena/text_2026-03-31.json"), FIXTURES.resolve("lmarena/text_leaderboard_2025-08.csv"),
                    FIXTURES.resolve("lmarena/arena_elo_history_2025-05.csv")));
    private static TrainingTableBuilder.Build build;

    @BeforeAll
    static void build() throws Exception {
        build = TrainingTableBuilder.build(SNAPSHOTS);
    }

    private static TrainingRow row(String key) {
        return build.table().rows().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow(() -> new AssertionError(key));
    }

    @Test
    void oneRowPerModelWithTrustedComputeAndAScore() {
        List<TrainingRow> rows = build.table().rows();
        assertEquals(123, rows.size());
        assertEquals(76, count(rows, "epoch_capabilities_index"));
        assertEquals(62, count(rows, "aa_intelligence_index"));
        assertEquals(52, count(rows, "mmlu_pro"));
        assertEquals(55, count(rows, "gpqa_diamond"));
        assertEquals(55, count(rows, "hle"));
        assertEquals(65, count(rows, "lmarena_text"));
        assertTrue(rows.stream().allMatch(r -> r.confidence().equals("Confident") || r.confidence().equals("Likely")));
        assertEquals(rows.size(), rows.stream().map(TrainingRow::key).distinct().count());
    }

    @Test
    void aModelIsJoinedAcrossEverySnapshotByItsLooseName() {
        TrainingRow llama = row("2 70b llama");
        assertEquals("Llama 2-70B", llama.name());
        assertEquals(LocalDate.of(2023, 7, 18), llama.date());
        assertEquals(8.1e23, llama.flop());
        assertEquals("Confident", llama.confidence());
        assertEquals("notable_ai_models_2026-07.csv", llama.computeFrom());
        assertEquals(Map.of("epoch_capabilities_index", 114.464732318, "aa_intelligence_index", 8.4, "mmlu_pro", 40.6,
                "gpqa_diamond", 32.7, "hle", 5.0, "lmarena_text", 1122.0), rounded(llama.scores()));
    }

    @Test
    void aSpeculativeFigureNeverTrains() {
        // Epoch rates GPT-4o's compute Speculative (imputed from benchmarks): learning from it would learn Epoch's imputation.
        assertTrue(build.table().rows().stream().noneMatch(r -> r.key().equals("4o gpt")));
    }

    @Test
    void theCsvReadsBackUnchanged() throws Exception {
        String csv = build.table().toCsv();
        assertEquals(csv, TrainingTable.parse(new StringReader(csv), "training.csv").toCsv());
    }

    @Test
    void theCommittedTableIsExactlyWhatTheSnapshotsBuild() throws Exception {
        Path committed = TempRegistry.realRepository().resolve(ImputationModel.DATA_DIR).resolve(ImputationModel.TRAINING_FILE);
        assertEquals(Files.readString(committed, StandardCharsets.UTF_8), build.table().toCsv(),
                "data/imputation/training.csv is stale: rebuild it with tracker imputation build (see docs/methodology.md)");
    }

    @Test
    void aCellThatIsNotANumberIsReportedWithItsLineAndColumn() {
        String csv = String.join(",", TrainingTable.header()) + "\nk,K,2024-01-01,1e25,Confident,x,abc,,,,,\n";
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TrainingTable.parse(new StringReader(csv), "training.csv"));
        assertEquals("training.csv:2: column 'epoch_capabilities_index' is not a number: 'abc'; fix the cell or rebuild the table"
                + " with: tracker imputation build", e.getMessage());
    }

    private static long count(List<TrainingRow> rows, String key) {
        return rows.stream().filter(r -> r.scores().containsKey(key)).count();
    }

    private static Map<String, Double> rounded(Map<String, Double> scores) {
        java.util.Map<String, Double> out = new java.util.TreeMap<>();
        scores.forEach((k, v) -> out.put(k, Math.round(v * 1e9) / 1e9));
        return out;
    }
}
