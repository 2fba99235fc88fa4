package org.frontierregistry.tracker.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.frontierregistry.tracker.io.FolderSwap;
import org.frontierregistry.tracker.io.RegistryLock;
import org.frontierregistry.tracker.publish.LastBuild;
import org.frontierregistry.tracker.publish.PreviousRows;
import org.frontierregistry.tracker.publish.Publisher;
import org.frontierregistry.tracker.publish.RowReuse;
import org.frontierregistry.tracker.publish.site.SiteOptions;
import org.frontierregistry.tracker.query.Snapshot;
import org.frontierregistry.tracker.record.RegistryLayout;
import org.frontierregistry.tracker.trend.TrendCache;
import org.frontierregistry.tracker.validate.DerivedValues;
import org.frontierregistry.tracker.validate.ReportPrinter;
import org.frontierregistry.tracker.validate.ValidationReport;
import org.frontierregistry.tracker.validate.Validator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Validate every record, then write the published outputs:",
                "models.csv, above_1e25_flop.csv, models.json, datapackage.json, index.html (the site).",
                "Nothing is written when a record has problems. The output folder is replaced whole: the outputs are",
                "written into a fresh folder beside it and swapped in when complete (other files in it, such as the",
                "scrape cache, are kept), so it always holds one complete build."})
public final class BuildCommand implements Callable<Integer> {
    @Mixin
    RegistryOptions registry;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: dist/ in the registry).")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "How validation problems are printed: text, github, json, markdown. Default: ${DEFAULT-VALUE}.")
    ReportPrinter.Format format;

    @Mixin
    AsOfOption asOf;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "The site's \"as of\" date (default: the --as-of day if given, else the newest date written in the records; never today's date, so builds are reproducible).")
    LocalDate siteDate;

    @Option(names = "--site-repo-url", paramLabel = "URL",
            description = "The repository the site links to for record files and docs (default: " + SiteOptions.DEFAULT_REPO_URL + ", a placeholder).")
    String siteRepoUrl;

    @Override
    public Integer call() throws IOException {
        RegistryLayout layout = registry.layout();
        Path target = (out != null ? out : layout.defaultOutput()).toAbsolutePath().normalize();
        if (layout.root().startsWith(target)) {
            throw TrackerException.usage("--out " + out + " holds the registry itself; give a folder for the outputs only,"
                    + " e.g. --out dist (its content is replaced by each build)");
        }
        try (RegistryLock lock = WriteLock.take(layout, spec)) {
            return build(layout, target);
        }
    }

    private int build(RegistryLayout layout, Path target) throws IOException {
        Clock clock = Clock.systemDefaultZone();
        FolderSwap swap = FolderSwap.of(target);
        String recovered = swap.recover();
        if (!recovered.isEmpty()) {
            spec.commandLine().getErr().println("note: an earlier build was interrupted; " + recovered + ".");
        }
        LastBuild last = registry.lastBuild(layout);
        Validator validator = asOf.given() ? null : HeadStart.validator(layout, clock);
        if (validator != null && leftAsItIs(layout, target, last, validator)) {
            return ExitCodes.OK;
        }
        PreviousRows previous = validator == null ? PreviousRows.none() : last.previousRows(target, siteOptions(null));
        Snapshot snapshot = validator == null ? asOf.snapshot(layout, clock) : Snapshot.current(layout, clock, validator, previous);
        ValidationReport report = snapshot.report();
        if (!report.clean()) {
            new ReportPrinter(layout::display).print(DerivedValues.grouped(report), format, spec.commandLine().getErr());
            spec.commandLine().getErr().println("Nothing was built: fix the problems above first.");
            return ExitCodes.PROBLEMS;
        }
        SiteOptions site = siteOptions(snapshot);
        RowReuse rows = validator == null ? RowReuse.none() : last.rowReuse(previous, site, report.records().loaded());
        last.forget();
        List<String> written = publish(report, site, swap, registry.trendCache(layout, "site"), rows);
        long published = report.records().records().stream().filter(r -> r.status().isPublished()).count();
        LastBuild.Outputs outputs = new LastBuild.Outputs(report.records().size(), published, written);
        String validated = validator == null ? null : validator.cleanStateValidated();
        if (validated != null) {
            last.remember(target, LastBuild.inputs(validated, site), outputs, rows);
        }
        if (asOf.given()) {
            spec.commandLine().getOut().println("As of " + snapshot.today() + ": " + snapshot.origin());
        }
        printBuilt(layout, target, outputs);
        return ExitCodes.OK;
    }

    /** Whether the last build into the target had these inputs and its outputs are all there as written; then says so. */
    private boolean leftAsItIs(RegistryLayout layout, Path target, LastBuild last, Validator validator) {
        SiteOptions site = siteOptions(null);
        Optional<LastBuild.Outputs> unchanged = last.unchanged(target, () -> inputs(validator, layout, site));
        unchanged.ifPresent(outputs -> {
            printBuilt(layout, target, outputs);
            spec.commandLine().getOut().println("(nothing changed since the last build into this folder, which wrote"
                    + " these files: they are left as they are)");
        });
        return unchanged.isPresent();
    }

    /** What the outputs are made from: the records' clean-run state and the site's options; null when not known. */
    private static String inputs(Validator validator, RegistryLayout layout, SiteOptions site) {
        String records = validator.cleanState(layout);
        return records == null ? null : LastBuild.inputs(records, site);
    }

    private void printBuilt(RegistryLayout layout, Path target, LastBuild.Outputs outputs) {
        var stdout = spec.commandLine().getOut();
        stdout.printf("Built %d records (%d above the line) into %s:%n", outputs.records(), outputs.published(), layout.display(target));
        outputs.files().forEach(name -> stdout.println("  " + name));
    }

    /** Writes into a fresh folder beside the target and swaps it in whole, so the target is always one complete build. */
    private List<String> publish(ValidationReport report, SiteOptions site, FolderSwap swap, TrendCache trends,
                                 RowReuse rows) throws IOException {
        Path staging = swap.begin();
        try {
            List<String> written = new Publisher(site, trends).publish(report.records(), staging, rows);
            if (!swap.commit()) {
                spec.commandLine().getErr().println("note: " + swap.target() + " cannot be replaced as a whole (a mount"
                        + " point?); each output in it was replaced in one step instead.");
            }
            return written;
        } catch (IOException | RuntimeException e) {
            swap.discard();
            throw e;
        }
    }

    /** @param snapshot the records built from; null before they are read, when --as-of is not given */
    private SiteOptions siteOptions(Snapshot snapshot) {
        LocalDate day = siteDate != null ? siteDate : asOf.given() ? snapshot.today() : null;
        try {
            return new SiteOptions(day, siteRepoUrl, null);
        } catch (IllegalArgumentException e) {
            throw TrackerException.usage("--site-repo-url: " + e.getMessage());
        }
    }
}
