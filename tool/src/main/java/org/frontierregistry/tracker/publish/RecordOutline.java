package org.frontierregistry.tracker.publish;

import static org.frontierregistry.tracker.io.BinaryFields.count;
import static org.frontierregistry.tracker.io.BinaryFields.readDate;
import static org.frontierregistry.tracker.io.BinaryFields.readDates;
import static org.frontierregistry.tracker.io.BinaryFields.readDouble;
import static org.frontierregistry.tracker.io.BinaryFields.readStrings;
import static org.frontierregistry.tracker.io.BinaryFields.readText;
import static org.frontierregistry.tracker.io.BinaryFields.writeDate;
import static org.frontierregistry.tracker.io.BinaryFields.writeDates;
import static org.frontierregistry.tracker.io.BinaryFields.writeDouble;
import static org.frontierregistry.tracker.io.BinaryFields.writeStrings;
import static org.frontierregistry.tracker.io.BinaryFields.writeText;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.frontierregistry.tracker.record.Estimate;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.record.Provenance;
import org.frontierregistry.tracker.record.RecordSummary;
import org.frontierregistry.tracker.record.Review;
import org.frontierregistry.tracker.record.Source;
import org.frontierregistry.tracker.record.Status;
import org.frontierregistry.tracker.record.TrainingCompute;

/**
 * What a build needs of a record whose rows it copies from the last build: what the checks across records see of
 * it ({@link RecordSummary}: id, names, date, comparison references), which tables it is in (status), and what the
 * page around the tables counts, charts and dates (developers, headline compute, interval, probability above, and
 * the dates "as of" is the newest of). Kept for each record beside the last build's rows, so such a record is not
 * read again; its {@link #standIn} holds these values and nothing else. The page around the tables is also kept
 * while every outline is unchanged, so when that page comes to read another field of a record, the field belongs
 * here too (and {@code RowIndex.FORMAT} changes): {@code RowReuseTest} compares builds through outlines with builds
 * from nothing, but only over the fields its records vary.
 */
record RecordOutline(RecordSummary summary, List<String> organizations, Status status, Double flop,
                     List<Double> interval90, Double pAbove, LocalDate reviewed, List<LocalDate> sourcesAccessed,
                     List<LocalDate> scrapesSeen) {

    static RecordOutline of(ModelRecord r) {
        TrainingCompute tc = r.trainingCompute();
        return new RecordOutline(RecordSummary.of(r), r.organizations(), r.status(), tc == null ? null : tc.flop(),
                tc == null ? List.of() : tc.interval90(), tc == null ? null : tc.pAbove(),
                r.review() == null ? null : r.review().date(),
                r.sources().stream().map(Source::accessed).toList(),
                r.provenance() == null ? List.of() : r.provenance().scrapedFrom().stream().map(Provenance.ScrapedEntry::seen).toList());
    }

    /**
     * A record with only these values (its comparison estimates keep just their reference, as the summary's
     * stand-in does): enough for the checks across records, the order, the tables and the page around them, and
     * never to be made into rows or checked itself.
     */
    ModelRecord standIn() {
        List<Estimate> comparisons = summary.standIn().trainingCompute().estimates();
        TrainingCompute compute = new TrainingCompute(comparisons, flop, null, null, interval90, pAbove, null);
        List<Source> sources = sourcesAccessed.stream().map(day -> new Source(null, null, null, day)).toList();
        List<Provenance.ScrapedEntry> scrapes = scrapesSeen.stream().map(day -> new Provenance.ScrapedEntry(null, null, day)).toList();
        return new ModelRecord(summary.id(), summary.name(), summary.aliases(), null, organizations, null,
                summary.publicationDate(), null, null, null, null, null, null, null, compute, status, null, null, sources,
                reviewed == null ? null : new Review(false, null, reviewed, null), new Provenance(null, scrapes), null);
    }

    void write(DataOutputStream out) throws IOException {
        out.writeUTF(summary.id());
        writeText(summary.name(), out);
        writeStrings(summary.aliases(), out);
        writeDate(summary.publicationDate(), out);
        writeStrings(summary.references(), out);
        writeStrings(organizations, out);
        writeText(status == null ? null : status.key(), out);
        writeDouble(flop, out);
        out.writeInt(interval90.size());
        for (Double end : interval90) {
            out.writeDouble(end);
        }
        writeDouble(pAbove, out);
        writeDate(reviewed, out);
        writeDates(sourcesAccessed, out);
        writeDates(scrapesSeen, out);
    }

    static RecordOutline read(DataInputStream in) throws IOException {
        String id = in.readUTF();
        String name = readText(in);
        List<String> aliases = readStrings(in);
        LocalDate published = readDate(in);
        RecordSummary summary = new RecordSummary(id, name, aliases, published, readStrings(in));
        List<String> organizations = readStrings(in);
        String statusKey = readText(in);
        Status status = statusKey == null ? null : Status.fromKey(statusKey);
        Double flop = readDouble(in);
        int ends = count(in);
        List<Double> interval = new ArrayList<>(ends);
        for (int i = 0; i < ends; i++) {
            interval.add(in.readDouble());
        }
        return new RecordOutline(summary, organizations, status, flop, interval, readDouble(in), readDate(in),
                readDates(in), readDates(in));
    }
}
