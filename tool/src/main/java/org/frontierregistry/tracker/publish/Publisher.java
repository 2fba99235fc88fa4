package org.frontierregistry.tracker.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.frontierregistry.tracker.publish.site.SiteOptions;
import org.frontierregistry.tracker.publish.site.SitePage;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.record.RecordSet;

/** Writes the published outputs of a set of valid records into an output folder. */
public final class Publisher {
    public static final JsonOutputs.Table ABOVE = new JsonOutputs.Table("above_1e25_flop", "above_1e25_flop.csv",
            "The published list: models with status above or likely_above the 1e25 FLOP line.", Tables.published());
    public static final JsonOutputs.Table ALL = new JsonOutputs.Table("models", "models.csv",
            "Every record of the registry, above or below the line.", Tables.all());

    private final SiteOptions site;

    public Publisher() {
        this(SiteOptions.defaults());
    }

    public Publisher(SiteOptions site) {
        this.site = site;
    }

    /** The files written, relative to the output folder, in the order written. */
    public List<String> publish(RecordSet records, Path out) throws IOException {
        Files.createDirectories(out);
        List<ModelRecord> all = records.records();
        List<ModelRecord> above = all.stream().filter(r -> r.status().isPublished()).toList();
        List<String> written = new ArrayList<>();
        CsvTableWriter.write(out.resolve(ALL.fileName()), ALL.columns(), all);
        written.add(ALL.fileName());
        CsvTableWriter.write(out.resolve(ABOVE.fileName()), ABOVE.columns(), above);
        written.add(ABOVE.fileName());
        JsonOutputs.writeModels(out.resolve("models.json"), records.loaded());
        written.add("models.json");
        JsonOutputs.writeDataPackage(out.resolve("datapackage.json"), List.of(ABOVE, ALL));
        written.add("datapackage.json");
        new SitePage(site).write(all, out.resolve(SitePage.FILE_NAME));
        written.add(SitePage.FILE_NAME);
        return written;
    }
}
