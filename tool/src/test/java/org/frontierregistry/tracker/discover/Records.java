package org.frontierregistry.tracker.discover;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.record.RecordMapper;
import org.frontierregistry.tracker.record.RecordReader;

/** Tracked records for discovery tests, with only what the screen reads: names, developer, status, sizes, scores. */
final class Records {
    private Records() {
    }

    static ModelRecord tracked(String id, String name, String organization, String status, String extra) {
        String yaml = "id: " + id + "\nname: " + name + "\norganizations: [" + organization + "]\npublication_date: 2025-01-01\n"
                + "domains: [Language]\ntraining_compute:\n  estimates: []\nstatus: " + status + "\n" + extra;
        RecordReader.Result read = new RecordReader().parse(Path.of(id + ".yaml"), yaml.getBytes(StandardCharsets.UTF_8));
        return RecordMapper.toRecord(read.document().root());
    }
}
