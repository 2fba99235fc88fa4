package org.frontierregistry.tracker.publish;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.zip.CRC32C;
import org.frontierregistry.tracker.io.AtomicFiles;
import org.frontierregistry.tracker.publish.site.SiteOptions;
import org.frontierregistry.tracker.record.FileStamp;
import org.frontierregistry.tracker.record.LoadedRecord;
import org.frontierregistry.tracker.validate.ValidationCache;

/**
 * What the last build of a checkout was made from and what it wrote ({@code NAME.last-build} in the user's cache
 * folder), so that a build of the same records with the same options into the same folder, while the folder still
 * holds exactly what that build wrote, leaves it as it is: the outputs depend on nothing else, so it would write
 * the same bytes again (make and Gradle skip an up-to-date task the same way).
 *
 * <p>The inputs are one digest: the records' clean-run state (every file's path and content digest, and the day,
 * under the tool build and schema of the validation cache) and the site's options. Each output is kept by its size
 * and stamp and a CRC-32C of its content; an output whose stamp was too fresh to trust when it was written is
 * checked by its CRC the next time, then trusted by its stamp. A record that is missing, damaged, of another tool
 * build or of another folder is no last build at all, and the build runs.
 */
public final class LastBuild {
    static final String FORMAT = "tracker-last-build 1";

    private final Path file;
    private final String tool;
    private final String header;
    private final long now;

    /**
     * What a build wrote: how many records (and how many above the line) and the files, relative to its folder.
     */
    public record Outputs(int records, long published, List<String> files) {
        public Outputs {
            files = List.copyOf(files);
        }
    }

    private LastBuild(Path file, String tool, long now) {
        this.file = file;
        this.tool = tool;
        this.header = FORMAT + " tool=" + tool;
        this.now = now;
    }

    /** @param tool identifies the build of the tool (its outputs' code and templates) */
    public static LastBuild at(Path file, String tool) {
        return new LastBuild(file, tool, System.currentTimeMillis());
    }

    static LastBuild at(Path file, String tool, long nowMillis) {
        return new LastBuild(file, tool, nowMillis);
    }

    /** No record kept (--no-cache, or no cache folder): every build runs. */
    public static LastBuild none() {
        return new LastBuild(null, "", 0);
    }

    /**
     * The digest that names a build's inputs.
     *
     * @param recordsState the records' clean-run state (see ValidationCache#cleanState)
     */
    public static String inputs(String recordsState, SiteOptions site) {
        String text = "records " + recordsState + "\n" + siteText(site);
        return ValidationCache.digest(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * What the rows of a build's outputs depend on besides their records: the tool build and the site's options.
     */
    String environment(SiteOptions site) {
        return "tool " + tool + "\n" + siteText(site);
    }

    /** Every option of the site, a line each. */
    private static String siteText(SiteOptions site) {
        return "as-of " + site.asOf() + "\nrepo " + site.repoUrl() + "\nbranch " + site.branch() + "\n";
    }

    /**
     * The rows the last build into {@code folder} wrote, when it kept them for a build with these site options and
     * its outputs are still as it wrote them (checked by content); else none. Read before the build's validation,
     * which takes the records whose content is unchanged as that build kept them ({@link PreviousRows#standIn}).
     */
    public PreviousRows previousRows(Path folder, SiteOptions site) {
        return file == null ? PreviousRows.none() : PreviousRows.read(Optional.of(rowsFile()), folder, environment(site));
    }

    /** This build's rows: copied from {@code previous} for the records whose content it had, else made. */
    public RowReuse rowReuse(PreviousRows previous, SiteOptions site, List<LoadedRecord> records) {
        return file == null ? RowReuse.none() : RowReuse.of(previous, environment(site), records);
    }

    /** Where the rows of the last build are indexed, beside its record. */
    private Path rowsFile() {
        return file.resolveSibling(file.getFileName() + ".rows");
    }

    /**
     * The last build's outputs when it was made into {@code folder} from these inputs and the folder still holds
     * each file it wrote as it wrote it; else empty.
     *
     * @param inputs asked only when the last build was into this folder (it may cost a look at every record file);
     *               null means they are not known, and the build runs
     */
    public Optional<Outputs> unchanged(Path folder, Supplier<String> inputs) {
        List<String> lines = lines();
        if (lines == null || lines.size() < 4 || !lines.get(1).equals("folder " + folder)) {
            return Optional.empty();
        }
        String expected = inputs.get();
        if (expected == null || !lines.get(2).equals("inputs " + expected)) {
            return Optional.empty();
        }
        List<Kept> kept = new ArrayList<>();
        for (String line : lines.subList(4, lines.size())) {
            Kept output = Kept.parse(line);
            if (output == null) {
                return Optional.empty();
            }
            kept.add(output);
        }
        Outputs outputs = outputs(lines.get(3), kept);
        if (outputs == null) {
            return Optional.empty();
        }
        List<Kept> current = new ArrayList<>();
        boolean restamp = false;
        for (Kept output : kept) {
            Path path = folder.resolve(output.name());
            FileStamp stamp = FileStamp.of(path);
            if (stamp == null || !stamp.equals(output.stamp())) {
                return Optional.empty();
            }
            if (!output.settled()) {
                Long crc = crc(path);
                if (crc == null || !output.crc().equals(Long.toHexString(crc))) {
                    return Optional.empty();
                }
                restamp |= stamp.settledBefore(now);
            }
            current.add(new Kept(output.name(), stamp, stamp.settledBefore(now), output.crc()));
        }
        if (restamp) {
            write(folder, expected, outputs, current); // checked by content once: from now on the stamps tell
        }
        return Optional.of(outputs);
    }

    /** The outputs of a record's counts line and its kept files, or null when the counts are not as written. */
    private static Outputs outputs(String countsLine, List<Kept> kept) {
        String[] counts = countsLine.split(" ", -1);
        if (counts.length != 3 || !counts[0].equals("records")) {
            return null;
        }
        try {
            return new Outputs(Integer.parseInt(counts[1]), Long.parseLong(counts[2]), kept.stream().map(Kept::name).toList());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Forgets the last build: done before a build writes, so that one stopped midway is never taken as complete. */
    public void forget() {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException | RuntimeException e) {
            // Not fatal: a record that cannot be deleted is one whose outputs' stamps no longer match.
        }
        forgetRows();
    }

    private void forgetRows() {
        try {
            Files.deleteIfExists(rowsFile());
        } catch (IOException | RuntimeException e) {
            // Not fatal: rows are copied only from outputs whose size and CRC are as indexed.
        }
    }

    /**
     * Remembers a build into {@code folder} from these inputs, with each output's stamp and CRC as it is now. Not
     * fatal when it cannot be written: the next build then runs in full.
     */
    public void remember(Path folder, String inputs, Outputs outputs) {
        remember(folder, inputs, outputs, RowReuse.none());
    }

    /** As {@link #remember(Path, String, Outputs)}, with where each record's row went ({@code rows}). */
    public void remember(Path folder, String inputs, Outputs outputs, RowReuse rows) {
        if (file == null) {
            return;
        }
        List<Kept> kept = new ArrayList<>();
        Map<String, long[]> sizeAndCrc = new HashMap<>();
        for (String name : outputs.files()) {
            Path output = folder.resolve(name);
            FileStamp stamp = FileStamp.of(output);
            long[] whole = rows.writtenWhole(name);
            Long crc = whole != null && stamp != null && whole[0] == stamp.size() ? Long.valueOf(whole[1]) : crc(output);
            if (stamp == null || crc == null || !Kept.nameAllowed(name) || !Kept.stampAllowed(stamp)) {
                forget();
                return;
            }
            kept.add(new Kept(name, stamp, stamp.settledBefore(now), Long.toHexString(crc)));
            sizeAndCrc.put(name, new long[] {stamp.size(), crc});
        }
        write(folder, inputs, outputs, kept);
        if (rows.keepsPositions()) {
            try {
                rows.index(folder, sizeAndCrc).write(rowsFile());
            } catch (IOException | RuntimeException e) {
                forgetRows(); // the next build makes every row
            }
        }
    }

    /** Writes the record: the folder, the inputs, the counts and each output as kept. */
    private void write(Path folder, String inputs, Outputs outputs, List<Kept> kept) {
        StringBuilder text = new StringBuilder(header).append('\n')
                .append("folder ").append(folder).append('\n')
                .append("inputs ").append(inputs).append('\n')
                .append("records ").append(outputs.records()).append(' ').append(outputs.published()).append('\n');
        kept.forEach(output -> text.append(output.line()).append('\n'));
        if (text.indexOf("\r") >= 0 || folder.toString().indexOf('\n') >= 0) {
            forget();
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            forget();
            return;
        }
        AtomicFiles.removeAbandonedLeftovers(file.getParent()); // the folder every checkout's builds share
    }

    /** The record's lines when it is of this tool build, else null. */
    private List<String> lines() {
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (!text.endsWith("\n")) {
                return null; // cut short
            }
            List<String> lines = List.of(text.substring(0, text.length() - 1).split("\n", -1));
            return lines.get(0).equals(header) ? lines : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The CRC-32C of a file's content, or null when it cannot be read. */
    private static Long crc(Path file) {
        CRC32C crc = new CRC32C();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                crc.update(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return crc.getValue();
    }

    /** One output as the record keeps it: a line of tab-separated fields. */
    private record Kept(String name, FileStamp stamp, boolean settled, String crc) {
        /** A file right in the output folder (the outputs are), without a character that would break the line. */
        static boolean nameAllowed(String name) {
            return !name.isEmpty() && !name.equals("..")
                    && name.chars().noneMatch(c -> c == '\t' || c == '\n' || c == '\r' || c == '/' || c == '\\');
        }

        static boolean stampAllowed(FileStamp stamp) {
            return stamp.key().chars().noneMatch(c -> c == '\t' || c == '\n' || c == '\r');
        }

        String line() {
            return String.join("\t", name, Long.toString(stamp.size()), Long.toString(stamp.modified()),
                    Long.toString(stamp.changed()), stamp.key(), settled ? "settled" : "fresh", crc);
        }

        static Kept parse(String line) {
            String[] fields = line.split("\t", -1);
            if (fields.length != 7 || !nameAllowed(fields[0])
                    || !(fields[5].equals("settled") || fields[5].equals("fresh"))) {
                return null;
            }
            try {
                FileStamp stamp = new FileStamp(Long.parseLong(fields[1]), Long.parseLong(fields[2]),
                        Long.parseLong(fields[3]), fields[4]);
                return new Kept(fields[0], stamp, fields[5].equals("settled"), fields[6]);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
