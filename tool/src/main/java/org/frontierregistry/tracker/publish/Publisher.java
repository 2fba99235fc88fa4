package org.frontierregistry.tracker.publish;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.frontierregistry.tracker.publish.site.SiteOptions;
import org.frontierregistry.tracker.publish.site.SitePage;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.record.RecordSet;
import org.frontierregistry.tracker.trend.TrendCache;

/** Writes the published outputs of a set of valid records into an output folder. */
public final class Publisher {
    public static final JsonOutputs.Table ABOVE = new JsonOutputs.Table("above_1e25_flop", "above_1e25_flop.csv",
            "The published list: models with status above or likely_above the 1e25 FLOP line.", Tables.published());
    public static final JsonOutputs.Table ALL = new JsonOutputs.Table("models", "models.csv",
            "Every record of the registry, above or below the line.", Tables.all());

    /** The outputs with a row per record (or per record in the table): the others are written whole. */
    static final List<String> ROW_OUTPUTS = List.of(ALL.fileName(), ABOVE.fileName(), "models.json", SitePage.FILE_NAME);

    private final SiteOptions site;
    private final TrendCache trends;

    public Publisher() {
        this(SiteOptions.defaults());
    }

    public Publisher(SiteOptions site) {
        this(site, TrendCache.none());
    }

    /** @param trends where the site's trends are remembered between builds */
    public Publisher(SiteOptions site, TrendCache trends) {
        this.site = site;
        this.trends = trends;
    }

    /**
     * The files written, relative to the output folder, in a fixed order. The tables (CSV and JSON) are written on
     * a second thread while this one writes the site, the larger half of the work; each output depends only on the
     * records, so the files are the same whichever finishes first.
     */
    public List<String> publish(RecordSet records, Path out) throws IOException {
        return publish(records, out, RowReuse.none());
    }

    /** As {@link #publish(RecordSet, Path)}, each record's rows copied from the last build when {@code reuse} has them. */
    public List<String> publish(RecordSet records, Path out, RowReuse reuse) throws IOException {
        Files.createDirectories(out);
        List<ModelRecord> all = records.records();
        ExecutorService second = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tracker-publish-tables");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<List<String>> tables = second.submit(() -> writeTables(records, out, reuse));
            new SitePage(site, trends).write(all, out.resolve(SitePage.FILE_NAME), reuse);
            List<String> written = new ArrayList<>(result(tables));
            written.add(SitePage.FILE_NAME);
            return written;
        } finally {
            second.shutdownNow();
        }
    }

    private static List<String> writeTables(RecordSet records, Path out, RowReuse reuse) throws IOException {
        List<ModelRecord> all = records.records();
        List<ModelRecord> above = all.stream().filter(r -> r.status().isPublished()).toList();
        CsvTableWriter.write(out.resolve(ALL.fileName()), ALL.columns(), all, reuse);
        CsvTableWriter.write(out.resolve(ABOVE.fileName()), ABOVE.columns(), above, reuse);
        JsonOutputs.writeModels(out.resolve("models.json"), records.loaded(), reuse);
        JsonOutputs.writeDataPackage(out.resolve("datapackage.json"), List.of(ABOVE, ALL));
        return List.of(ALL.fileName(), ABOVE.fileName(), "models.json", "datapackage.json");
    }

    /** The tables' result, their own exception rethrown as it was thrown. */
    private static List<String> result(Future<List<String>> tables) throws IOException {
        try {
            return tables.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing the tables");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
