package org.frontierregistry.tracker.imputation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.frontierregistry.tracker.record.LoadedRecord;
import org.frontierregistry.tracker.record.RecordMapper;
import org.frontierregistry.tracker.record.RecordReader;
import org.junit.jupiter.api.Test;

/** Scores from the snapshots go into records only where missing and only where the name is the record's alone. */
class ScoreFillerTest {
    private static LoadedRecord record(String id, String name, String benchmarks) {
        String yaml = "id: " + id + "\nname: " + name + "  # as the developer writes it\norganizations: [Lab]\n"
                + "publication_date: 2025-07-11\ndomains: [Language]\nbenchmarks: " + benchmarks + "\n"
                + "training_compute:\n  estimates: []\nstatus: uncertain\n";
        RecordReader.Result read = new RecordReader().parse(Path.of(id + ".yaml"), yaml.getBytes(StandardCharsets.UTF_8));
        return new LoadedRecord(RecordMapper.toRecord(read.document().root()), read.document());
    }

    @Test
    void missingScoresAreAddedAndAWrittenOneIsKept() {
        LoadedRecord llama = record("llama-3-1-405b", "Llama 3.1 405B", "{gpqa_diamond: 51.1, lmarena_text: 1286}");
        Map<String, Map<String, Double>> scores = Map.of("3.1 405b llama",
                Map.of("gpqa_diamond", 49.0, "hle", 4.2, "epoch_capabilities_index", 127.912, "lmarena_text", 1300.0));

        ScoreFiller.Filled filled = ScoreFiller.fill(llama, List.of(llama.record()), scores).orElseThrow();

        assertTrue(filled.text().contains("benchmarks: {gpqa_diamond: 51.1, lmarena_text: 1286, epoch_capabilities_index: 127.9, hle: 4.2}\n"),
                filled.text());
        assertTrue(filled.text().contains("name: Llama 3.1 405B  # as the developer writes it\n"), "comments stay");
        assertEquals(List.of("epoch_capabilities_index 127.9", "hle 4.2"), filled.added());
    }

    @Test
    void aNameKeyTwoRecordsShareGivesNeitherAnything() {
        LoadedRecord k2 = record("kimi-k2", "Kimi K2", "{lmarena_text: 1380}");
        LoadedRecord thinking = record("kimi-k2-thinking", "Kimi K2 Thinking", "{}");
        Map<String, Map<String, Double>> scores = Map.of("k2 kimi", Map.of("hle", 22.3));
        List<org.frontierregistry.tracker.record.ModelRecord> both = List.of(k2.record(), thinking.record());

        assertTrue(ScoreFiller.fill(k2, both, scores).isEmpty());
        assertTrue(ScoreFiller.fill(thinking, both, scores).isEmpty());
        assertEquals(Map.of("hle", 22.3), ScoreFiller.scoresFor(k2.record(), scores), "alone, the record would match");
    }
}
