package org.frontierregistry.tracker.publish;

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
 * read again; its {@link #standIn} holds these values and nothing else.
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
        text(summary.name(), out);
        strings(summary.aliases(), out);
        date(summary.publicationDate(), out);
        strings(summary.references(), out);
        strings(organizations, out);
        text(status == null ? null : status.key(), out);
        number(flop, out);
        out.writeInt(interval90.size());
        for (Double end : interval90) {
            number(end, out);
        }
        number(pAbove, out);
        date(reviewed, out);
        dates(sourcesAccessed, out);
        dates(scrapesSeen, out);
    }

    static RecordOutline read(DataInputStream in) throws IOException {
        String id = in.readUTF();
        String name = text(in);
        List<String> aliases = strings(in);
        LocalDate published = date(in);
        RecordSummary summary = new RecordSummary(id, name, aliases, published, strings(in));
        List<String> organizations = strings(in);
        String statusKey = text(in);
        Status status = statusKey == null ? null : Status.fromKey(statusKey);
        Double flop = number(in);
        int ends = in.readInt();
        List<Double> interval = new ArrayList<>(ends);
        for (int i = 0; i < ends; i++) {
            interval.add(number(in));
        }
        return new RecordOutline(summary, organizations, status, flop, interval, number(in), date(in), dates(in), dates(in));
    }

    private static void text(String value, DataOutputStream out) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String text(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    private static void strings(List<String> values, DataOutputStream out) throws IOException {
        out.writeInt(values.size());
        for (String value : values) {
            out.writeUTF(value);
        }
    }

    private static List<String> strings(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(in.readUTF());
        }
        return values;
    }

    private static void number(Double value, DataOutputStream out) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeDouble(value);
        }
    }

    private static Double number(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readDouble() : null;
    }

    private static void date(LocalDate day, DataOutputStream out) throws IOException {
        out.writeBoolean(day != null);
        if (day != null) {
            out.writeLong(day.toEpochDay());
        }
    }

    private static LocalDate date(DataInputStream in) throws IOException {
        return in.readBoolean() ? LocalDate.ofEpochDay(in.readLong()) : null;
    }

    private static void dates(List<LocalDate> days, DataOutputStream out) throws IOException {
        out.writeInt(days.size());
        for (LocalDate day : days) {
            date(day, out);
        }
    }

    private static List<LocalDate> dates(DataInputStream in) throws IOException {
        int count = in.readInt();
        List<LocalDate> days = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            days.add(date(in));
        }
        return days;
    }
}
