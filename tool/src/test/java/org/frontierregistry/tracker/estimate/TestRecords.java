package org.frontierregistry.tracker.estimate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.record.RecordMapper;
import org.frontierregistry.tracker.record.RecordReader;

/** Builds records and inputs for estimation tests from YAML text, as a contractor would write them. */
final class TestRecords {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestRecords() {
    }

    /** A record with the given id, date, benchmarks (YAML flow mapping or "") and estimates (YAML list items). */
    static ModelRecord record(String id, String date, String benchmarks, String... estimates) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("id: ").append(id).append("\nname: ").append(id).append("\norganizations: [Lab]\npublication_date: ")
                .append(date).append("\ndomains: [Language]\n");
        if (!benchmarks.isEmpty()) {
            yaml.append("benchmarks: ").append(benchmarks).append('\n');
        }
        yaml.append("training_compute:\n  estimates:");
        if (estimates.length == 0) {
            yaml.append(" []");
        }
        yaml.append('\n');
        for (String e : estimates) {
            yaml.append("    - ").append(e).append('\n');
        }
        yaml.append("status: uncertain\nsources: [{id: s, url: \"https://example.org\"}]\nreview: {verified: false}\nprovenance: {created_by: contractor}\n");
        RecordReader.Result read = new RecordReader().parse(Path.of(id + ".yaml"), yaml.toString().getBytes(StandardCharsets.UTF_8));
        if (!read.ok()) {
            throw new IllegalArgumentException(read.problems().toString() + "\n" + yaml);
        }
        return RecordMapper.toRecord(read.document().root());
    }

    /** One estimate as a flow mapping, e.g. reported("Confident", "{reported_flop: 1e25}"). */
    static String estimate(String method, String confidence, String inputs) {
        return "{method: " + method + ", confidence: " + confidence + ", inputs: " + inputs + ", reasoning: test estimate for the engine}";
    }

    static ObjectNode inputs(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
