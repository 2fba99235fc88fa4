package org.frontierregistry.tracker.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.frontierregistry.tracker.imputation.FitFile;
import org.frontierregistry.tracker.io.AtomicFiles;
import org.frontierregistry.tracker.io.RegistryLock;
import org.frontierregistry.tracker.io.RegistryLock;
import org.frontierregistry.tracker.imputation.ImputationModel;
import org.frontierregistry.tracker.imputation.ScoreFiller;
import org.frontierregistry.tracker.imputation.TrainingTable;
import org.frontierregistry.tracker.imputation.TrainingTableBuilder;
import org.frontierregistry.tracker.record.LoadedRecord;
import org.frontierregistry.tracker.record.RegistryLayout;
import org.frontierregistry.tracker.validate.ValidationReport;
import org.frontierregistry.tracker.validate.Validator;
import org.frontierregistry.tracker.scrape.SourceShapeException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "imputation", mixinStandardHelpOptions = true,
        description = {"Rebuild the table benchmark imputation learns from, and refit it.",
                "The table (data/imputation/training.csv) and the fit (data/imputation/fit.json) are committed; estimation"
                        + " reads the fit and never the snapshots. See docs/methodology.md#benchmark-imputation."},
        subcommands = {ImputationCommand.Build.class, ImputationCommand.Fit.class})
public final class ImputationCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.USAGE;
    }

    static Path dataDir(RegistryLayout layout) {
        return layout.root().resolve(ImputationModel.DATA_DIR);
    }

    @Command(name = "build", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Build data/imputation/training.csv from saved public snapshots, then refit.",
                    "Example (from a checkout next to the shared snapshots):",
                    "  tracker imputation build --capability-index ../shared/fixtures/epoch/epoch_capabilities_index_2026-04.csv \\",
                    "    --epoch-models ../shared/fixtures/epoch/notable_ai_models_2026-07.csv \\",
                    "    --epoch-models ../shared/reference/epoch/large_scale_ai_models_2026-02.csv \\",
                    "    --artificial-analysis ../shared/fixtures/artificialanalysis/llms_models_2026-03-25.json \\",
                    "    --arena ../shared/fixtures/lmarena/text_2026-03-31.json --arena ../shared/fixtures/lmarena/text_leaderboard_2025-08.csv \\",
                    "    --arena ../shared/fixtures/lmarena/arena_elo_history_2025-05.csv"})
    static final class Build implements Callable<Integer> {
        @Mixin
        RegistryOptions registry;
        @Spec
        CommandSpec spec;
        @Option(names = "--capability-index", required = true, paramLabel = "CSV",
                description = "Epoch AI's Benchmarking Hub capability index (ECI) CSV.")
        Path capabilityIndex;
        @Option(names = "--epoch-models", required = true, paramLabel = "CSV",
                description = "An Epoch AI models CSV (notable or large-scale); repeat it, newest first: the first file giving a model a figure decides.")
        List<Path> epochModels = new ArrayList<>();
        @Option(names = "--artificial-analysis", paramLabel = "JSON", description = "Artificial Analysis models JSON (intelligence index, MMLU-Pro, GPQA, HLE).")
        Path artificialAnalysis;
        @Option(names = "--arena", paramLabel = "FILE",
                description = "An LMArena text leaderboard (JSON, table CSV or Elo history CSV); repeat it, newest first.")
        List<Path> arena = new ArrayList<>();
        @Option(names = "--fill-records",
                description = "Also add to each record the scores the snapshots give its model that the record lacks (never changing a score already written; the Arena score is left to the scraper).")
        boolean fillRecords;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            List<Path> all = new ArrayList<>(epochModels);
            all.add(capabilityIndex);
            all.addAll(arena);
            if (artificialAnalysis != null) {
                all.add(artificialAnalysis);
            }
            for (Path p : all) {
                if (!Files.isRegularFile(p)) {
                    throw TrackerException.usage("no such file: " + p);
                }
            }
            TrainingTableBuilder.Build build;
            try {
                build = TrainingTableBuilder.build(new TrainingTableBuilder.Snapshots(capabilityIndex, epochModels, artificialAnalysis, arena));
            } catch (SourceShapeException e) {
                throw TrackerException.failure(e.getMessage());
            }
            build.summary().forEach(out::println);
            RegistryLayout layout = registry.layout();
            Path dir = dataDir(layout);
            Files.createDirectories(dir);
            String csv = build.table().toCsv();
            AtomicFiles.writeString(dir.resolve(ImputationModel.TRAINING_FILE), csv);
            out.println("wrote " + layout.display(dir.resolve(ImputationModel.TRAINING_FILE)));
            if (fillRecords) {
                try (RegistryLock lock = WriteLock.take(layout, spec)) {
                    fill(out, layout, build);
                }
            }
            // Fit what was written (numbers as the file holds them), so 'tracker imputation fit' gives the same file.
            return Fit.fit(out, layout, TrainingTable.parse(new java.io.StringReader(csv), ImputationModel.TRAINING_FILE));
        }

        private static void fill(PrintWriter out, RegistryLayout layout, TrainingTableBuilder.Build build) throws IOException {
            ValidationReport report = Validator.forRegistry(layout, Clock.systemDefaultZone()).validateAll(layout);
            int filled = 0;
            for (LoadedRecord loaded : report.records().loaded()) {
                var result = ScoreFiller.fill(loaded, report.records().records(), build.scoresByKey());
                if (result.isPresent()) {
                    AtomicFiles.rewriteText(loaded.file(), result.get().text());
                    out.println("updated " + layout.display(loaded.file()) + ": " + String.join(", ", result.get().added()));
                    filled++;
                }
            }
            out.println(filled + " record" + (filled == 1 ? "" : "s") + " given scores from the snapshots.");
        }
    }

    @Command(name = "fit", mixinStandardHelpOptions = true,
            description = {"Refit data/imputation/fit.json from the committed data/imputation/training.csv (no snapshots needed)."})
    static final class Fit implements Callable<Integer> {
        @Mixin
        RegistryOptions registry;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            RegistryLayout layout = registry.layout();
            Path file = dataDir(layout).resolve(ImputationModel.TRAINING_FILE);
            if (!Files.isRegularFile(file)) {
                throw TrackerException.failure("no " + layout.display(file) + "; build it first with: tracker imputation build ...");
            }
            TrainingTable table;
            try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                table = TrainingTable.parse(reader, layout.display(file));
            } catch (IllegalArgumentException e) {
                throw TrackerException.failure(e.getMessage());
            }
            return fit(spec.commandLine().getOut(), layout, table);
        }

        static int fit(PrintWriter out, RegistryLayout layout, TrainingTable table) throws IOException {
            ImputationModel model = ImputationModel.fit(table);
            Path file = dataDir(layout).resolve(ImputationModel.FIT_FILE);
            AtomicFiles.writeString(file, FitFile.write(model));
            model.describe().forEach(out::println);
            out.println("wrote " + layout.display(file));
            out.flush();
            return ExitCodes.OK;
        }
    }
}
