package org.frontierregistry.tracker.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.frontierregistry.tracker.estimate.ChipCatalogue;
import org.frontierregistry.tracker.estimate.Combiner;
import org.frontierregistry.tracker.estimate.Consistency;
import org.frontierregistry.tracker.estimate.DerivedFieldWriter;
import org.frontierregistry.tracker.estimate.EstimateException;
import org.frontierregistry.tracker.estimate.EstimateFailure;
import org.frontierregistry.tracker.estimate.EstimateResult;
import org.frontierregistry.tracker.estimate.Estimator;
import org.frontierregistry.tracker.estimate.HardwareMethod;
import org.frontierregistry.tracker.estimate.Headline;
import org.frontierregistry.tracker.estimate.MethodResult;
import org.frontierregistry.tracker.estimate.ParametersTokensMethod;
import org.frontierregistry.tracker.estimate.RecordEstimate;
import org.frontierregistry.tracker.estimate.Sci;
import org.frontierregistry.tracker.estimate.Spreads;
import org.frontierregistry.tracker.estimate.StatusRule;
import org.frontierregistry.tracker.estimate.Working;
import org.frontierregistry.tracker.imputation.Calibration;
import org.frontierregistry.tracker.imputation.ImputationModel;
import org.frontierregistry.tracker.imputation.TrainingTable;
import org.frontierregistry.tracker.io.AtomicFiles;
import org.frontierregistry.tracker.io.RegistryLock;
import org.frontierregistry.tracker.record.Confidence;
import org.frontierregistry.tracker.record.LoadedRecord;
import org.frontierregistry.tracker.record.Method;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.record.Problem;
import org.frontierregistry.tracker.record.RegistryLayout;
import org.frontierregistry.tracker.validate.DerivedValues;
import org.frontierregistry.tracker.validate.DidYouMean;
import org.frontierregistry.tracker.validate.ReportPrinter;
import org.frontierregistry.tracker.validate.ValidationReport;
import org.frontierregistry.tracker.validate.Validator;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "estimate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Show how a model's training compute is estimated, step by step, or fill in the derived values.",
                "Examples:",
                "  tracker estimate llama-3-1-405b",
                "  tracker estimate --file drafts/new-model.yaml",
                "  tracker estimate --params 405e9 --tokens 15.6e12",
                "  tracker estimate --chip 'H100 SXM' --count 16384 --days 54 --utilization 0.4",
                "  tracker estimate --write --all",
                "  tracker estimate --calibrate",
                "See docs/methodology.md for the methods, the spreads and the status rule."})
public final class EstimateCommand implements Callable<Integer> {
    public enum Format { text, json }

    @Mixin
    RegistryOptions registry;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", arity = "0..*", description = "Record ids (file names in models/ without .yaml).")
    List<String> ids = new ArrayList<>();

    @Option(names = "--file", paramLabel = "FILE", description = "A record file outside models/ (a draft); the other records are its context.")
    Path file;

    @Option(names = "--all", description = "Every record (with --write: fill in every record; alone: one line per record).")
    boolean all;

    @Option(names = "--write", description = "Fill in the derived values (each estimate's flop, the headline, p_above, interval, status) in place, keeping comments and key order.")
    boolean write;

    @Option(names = "--calibrate", description = "Leave-one-out check of benchmark imputation on the committed training table (data/imputation/training.csv).")
    boolean calibrate;

    @Option(names = "--chips", description = "List the chip names the catalogue knows (Epoch AI's hardware data).")
    boolean chips;

    @ArgGroup(exclusive = false, heading = "%nQuick estimate from parameters and tokens (6·N·D):%n")
    ParamsTokens paramsTokens;

    @ArgGroup(exclusive = false, heading = "%nQuick estimate from hardware (chips × peak FLOP/s × time × utilization):%n")
    HardwareOptions hardware;

    @Option(names = "--confidence", paramLabel = "LEVEL", defaultValue = "Likely",
            description = "Confidence of a quick estimate: Confident, Likely or Speculative. Default: ${DEFAULT-VALUE}.")
    Confidence confidence;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json. Default: ${DEFAULT-VALUE}.")
    Format format;

    static final class ParamsTokens {
        @Option(names = "--params", required = true, paramLabel = "N", description = "Parameters (405e9).")
        double params;
        @Option(names = "--tokens", required = true, paramLabel = "D", description = "Training tokens (15.6e12).")
        double tokens;
        @Option(names = "--active-params", paramLabel = "N", description = "Active parameters per token (mixture-of-experts).")
        Double activeParams;
    }

    static final class HardwareOptions {
        @Option(names = "--chip", required = true, paramLabel = "NAME", description = "Accelerator, e.g. 'H100 SXM', 'TPU v5p' (see --chips).")
        String chip;
        @Option(names = "--count", required = true, paramLabel = "C", description = "Number of accelerators.")
        double count;
        @Option(names = "--days", paramLabel = "T", description = "Training time in days.")
        Double days;
        @Option(names = "--hours", paramLabel = "T", description = "Training time in hours.")
        Double hours;
        @Option(names = "--utilization", required = true, paramLabel = "U", description = "Model FLOP utilization, 0-1.")
        double utilization;
        @Option(names = "--precision", paramLabel = "P", description = "fp32, tf32, bf16 (default), fp16, fp8, fp4, int8.")
        String precision;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        int modes = (calibrate ? 1 : 0) + (chips ? 1 : 0) + (paramsTokens != null ? 1 : 0) + (hardware != null ? 1 : 0)
                + (file != null ? 1 : 0) + (!ids.isEmpty() || all ? 1 : 0);
        if (modes != 1) {
            throw TrackerException.usage(modes == 0
                    ? "say what to estimate: an ID, --all, --file FILE, --params/--tokens, --chip/--count/--days/--utilization, --calibrate or --chips"
                    : "give one of: IDs (or --all), --file, --params/--tokens, --chip/..., --calibrate, --chips");
        }
        if (write && (calibrate || chips || paramsTokens != null || hardware != null)) {
            throw TrackerException.usage("--write fills in records: use it with IDs, --all or --file");
        }
        if (all && !ids.isEmpty()) {
            throw TrackerException.usage("give IDs or --all, not both");
        }
        if (chips) {
            ChipCatalogue.standard().names().forEach(out::println);
            return ExitCodes.OK;
        }
        if (paramsTokens != null) {
            return quick(out, Method.PARAMETERS_TOKENS, quickParams(), false);
        }
        if (hardware != null) {
            return quick(out, Method.HARDWARE, quickHardware(), true);
        }
        if (calibrate) {
            return calibrate(out);
        }
        RegistryLayout layout = registry.layout();
        // Held from before the records are read until the last is written: no other run edits them in between.
        try (RegistryLock lock = write ? WriteLock.take(layout, spec) : null) {
            Clock clock = Clock.systemDefaultZone(); // --write gets no head start: its records are read under the lock
            if (file != null) {
                return draft(out, layout, HeadStart.validator(layout, clock));
            }
            return records(out, layout, HeadStart.snapshot(layout, clock).report());
        }
    }

    private int records(PrintWriter out, RegistryLayout layout, ValidationReport report) throws IOException {
        List<LoadedRecord> loaded = report.records().loaded();
        Estimator estimator = Estimator.of(loaded.stream().map(LoadedRecord::record).toList());
        List<LoadedRecord> targets = new ArrayList<>();
        if (all) {
            targets.addAll(loaded);
        } else {
            for (String id : ids) {
                targets.add(report.records().find(id).orElseThrow(() -> unknown(id, layout, report)));
            }
        }
        if (write) {
            return write(out, layout, estimator, targets);
        }
        if (all) {
            return summary(out, estimator, targets);
        }
        return show(out, estimator, targets);
    }

    private TrackerException unknown(String id, RegistryLayout layout, ValidationReport report) {
        Path path = layout.modelsDir().resolve(id + ".yaml");
        if (Files.exists(path)) {
            return TrackerException.failure(layout.display(path) + " has problems that stop it being read; run: tracker validate "
                    + layout.display(path));
        }
        List<String> known = report.records().records().stream().map(ModelRecord::id).toList();
        return TrackerException.usage("no record '" + id + "' in " + layout.display(layout.modelsDir()) + ". "
                + DidYouMean.phrase(id, known).strip());
    }

    private int show(PrintWriter out, Estimator estimator, List<LoadedRecord> targets) {
        boolean ok = true;
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < targets.size(); i++) {
            RecordEstimate estimate = estimator.estimate(targets.get(i).id());
            ok &= estimate.ok();
            if (format == Format.json) {
                array.add(Working.json(estimate));
            } else {
                if (i > 0) {
                    out.println();
                    out.println("----");
                    out.println();
                }
                Working.text(estimate).forEach(out::println);
            }
        }
        if (format == Format.json) {
            printJson(out, array.size() == 1 ? array.get(0) : array);
        }
        out.flush();
        return ok ? ExitCodes.OK : ExitCodes.PROBLEMS;
    }

    private int summary(PrintWriter out, Estimator estimator, List<LoadedRecord> targets) {
        if (format == Format.json) {
            return show(out, estimator, targets);
        }
        boolean ok = true;
        for (LoadedRecord loaded : targets) {
            RecordEstimate e = estimator.estimate(loaded.id());
            ok &= e.ok();
            Headline h = e.headline();
            out.printf(Locale.ROOT, "%-40s %-10s %-6s %-13s %s%n", loaded.id(), h == null ? "-" : Sci.flop(h.flop()),
                    h == null ? "-" : Sci.fixed(StatusRule.storedProbability(h.pAbove()), 3), e.expectedStatus().key(),
                    e.ok() ? (Consistency.of(e).isEmpty() ? "" : "needs --write") : e.failures().size() + " error(s)");
        }
        out.flush();
        return ok ? ExitCodes.OK : ExitCodes.PROBLEMS;
    }

    private int write(PrintWriter out, RegistryLayout layout, Estimator estimator, List<LoadedRecord> targets) throws IOException {
        int updated = 0;
        int failed = 0;
        for (LoadedRecord loaded : targets) {
            RecordEstimate estimate = estimator.estimate(loaded.id());
            if (!estimate.ok()) {
                failed++;
                for (EstimateFailure f : estimate.failures()) {
                    var at = loaded.document().valueLocation(f.pointer());
                    out.printf("%s:%d:%d: error: estimate %d: %s%n", layout.display(loaded.file()), at.line(), at.column(),
                            f.index() + 1, f.message());
                    if (!f.hint().isEmpty()) {
                        out.printf("    hint: %s%n", f.hint());
                    }
                }
                out.printf("not written: %s (fix the error%s above)%n", layout.display(loaded.file()), estimate.failures().size() == 1 ? "" : "s");
                continue;
            }
            List<Consistency.Mismatch> mismatches = Consistency.of(estimate);
            if (mismatches.isEmpty()) {
                continue;
            }
            String text = DerivedFieldWriter.apply(loaded.document(), mismatches);
            AtomicFiles.rewriteText(loaded.file(), text);
            updated++;
            out.printf("updated %s (%d value%s)%n", layout.display(loaded.file()), mismatches.size(), mismatches.size() == 1 ? "" : "s");
        }
        out.printf("%d record%s updated, %d unchanged%s.%n", updated, updated == 1 ? "" : "s", targets.size() - updated - failed,
                failed == 0 ? "" : ", " + failed + " not written because of errors");
        out.flush();
        return failed == 0 ? ExitCodes.OK : ExitCodes.PROBLEMS;
    }

    private int draft(PrintWriter out, RegistryLayout layout, Validator validator) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw TrackerException.usage("no such file: " + file);
        }
        Path target = file.toAbsolutePath().normalize();
        ValidationReport report = validator.validate(List.of(target), layout.recordFiles());
        List<Problem> blocking = report.problems().stream().filter(p -> !DerivedValues.CODES.contains(p.code())
                && !p.code().equals("estimate-inputs")).toList();
        LoadedRecord draft = report.records().loaded().stream().filter(r -> r.file().toAbsolutePath().normalize().equals(target))
                .findFirst().orElse(null);
        if (draft == null) {
            new ReportPrinter(layout::display).print(new ValidationReport(1, blocking, report.records()), ReportPrinter.Format.text, out);
            return ExitCodes.PROBLEMS;
        }
        List<ModelRecord> records = new ArrayList<>();
        records.add(draft.record());
        report.records().records().stream().filter(r -> !r.id().equals(draft.id())).forEach(records::add);
        Estimator estimator = Estimator.of(records);
        if (write) {
            return write(out, layout, estimator, List.of(draft));
        }
        return show(out, estimator, List.of(draft));
    }

    private int calibrate(PrintWriter out) {
        TrainingTable table = ImputationModel.standardTable();
        Calibration.Result result = Calibration.leaveOneOut(ImputationModel.standard(), table);
        Calibration.Summary overall = result.overall();
        Calibration.Classification classification = result.classification();
        if (format == Format.json) {
            ObjectNode root = summaryJson(JsonNodeFactory.instance.objectNode(), overall);
            ObjectNode byForm = root.putObject("by_input_set");
            result.byForm().forEach((form, summary) -> summaryJson(byForm.putObject(form), summary));
            ObjectNode byYear = root.putObject("by_year");
            result.byYear().forEach((year, summary) -> summaryJson(byYear.putObject(year), summary));
            ObjectNode c = root.putObject("classification_1e24_1e26");
            c.put("n", classification.n());
            c.put("same_side", classification.sameSide());
            putNumber(c, "share_same_side", classification.share());
            c.put("outside_uncertain_band", classification.outsideBand());
            c.put("outside_uncertain_band_same_side", classification.outsideBandSameSide());
            putNumber(c, "share_same_side_outside_uncertain_band", classification.shareOutsideBand());
            ArrayNode skipped = root.putArray("not_imputable");
            result.skipped().forEach(skipped::add);
            printJson(out, root);
            return ExitCodes.OK;
        }
        out.printf(Locale.ROOT, "Leave-one-out benchmark imputation over the %d models of %s/%s (each held out, its form refitted on the others)%n",
                table.rows().size(), ImputationModel.DATA_DIR, ImputationModel.TRAINING_FILE);
        for (Calibration.Row row : result.rows()) {
            out.printf(Locale.ROOT, "  %-34s known %s  imputed %s  error %s  90%% %s..%s %s  [%s]%n", row.name(), Sci.fixed(row.known(), 2),
                    Sci.fixed(row.predicted(), 2), Sci.fixed(row.absError(), 2), Sci.fixed(row.low90(), 2), Sci.fixed(row.high90(), 2),
                    row.covered() ? "in " : "OUT", row.form());
        }
        if (!result.skipped().isEmpty()) {
            out.printf("  not imputable (no fit uses only their scores): %s%n", String.join(", ", result.skipped()));
        }
        out.println("By input set:");
        result.byForm().forEach((form, summary) -> out.println("  " + summaryText(form, summary)));
        out.println("By year of publication:");
        result.byYear().forEach((year, summary) -> out.println("  " + summaryText(year, summary)));
        out.println(summaryText("All", overall) + String.format(Locale.ROOT, " (targets: median <= %.2f, goal %.2f; coverage %.0f-%.0f%%)",
                Calibration.TARGET_MEDIAN_ERROR, Calibration.GOAL_MEDIAN_ERROR, 100 * Calibration.TARGET_COVERAGE_LOW,
                100 * Calibration.TARGET_COVERAGE_HIGH));
        out.printf(Locale.ROOT, "Known compute 1e24-1e26: %d of %d on the same side of 1e25 (%.1f%%); outside the uncertain band"
                        + " (p_above >= 0.95 or <= 0.05): %d of %d (%s)%n", classification.sameSide(), classification.n(),
                100 * classification.share(), classification.outsideBandSameSide(), classification.outsideBand(),
                classification.outsideBand() == 0 ? "none" : String.format(Locale.ROOT, "%.1f%%", 100 * classification.shareOutsideBand()));
        out.flush();
        return ExitCodes.OK;
    }

    private static ObjectNode summaryJson(ObjectNode node, Calibration.Summary summary) {
        node.put("n", summary.n());
        putNumber(node, "median_abs_log10_error", summary.medianAbsLog10Error());
        putNumber(node, "coverage_90", summary.coverage90());
        return node;
    }

    private static String summaryText(String label, Calibration.Summary s) {
        return String.format(Locale.ROOT, "%-48s n = %3d, median |log10 error| = %.3f, coverage of 90%% intervals = %.1f%%", label + ":",
                s.n(), s.medianAbsLog10Error(), 100 * s.coverage90());
    }

    private int quick(PrintWriter out, Method method, ObjectNode inputs, boolean isHardware) {
        MethodResult result;
        try {
            result = isHardware ? HardwareMethod.compute(inputs, ChipCatalogue.standard()) : ParametersTokensMethod.compute(inputs);
        } catch (EstimateException e) {
            String option = "--" + e.pointer().replaceFirst("^/", "").replace("active_parameters", "active-params")
                    .replace("parameters", "params");
            throw TrackerException.usage((e.pointer().isEmpty() ? "" : option + ": ") + e.getMessage()
                    + (e.hint().isEmpty() ? "" : ". " + e.hint()));
        }
        EstimateResult estimate = new EstimateResult(0, method, confidence, result, Spreads.log10Sd(confidence), null);
        Headline headline = Combiner.combine(List.of(estimate));
        String status = StatusRule.of(headline.pAbove()).key();
        if (format == Format.json) {
            printJson(out, Working.headlineJson(null, headline, List.of(estimate), status));
            return ExitCodes.OK;
        }
        out.println(method.key() + " (" + confidence + ")");
        out.println("  formula: " + result.formula());
        result.steps().forEach(s -> out.println("           " + s));
        out.println("  result:  " + Sci.flop(result.flop()) + " FLOP (log10 " + Sci.fixed(Math.log10(result.flop()), 3) + ")");
        out.println("  spread:  log10 sd " + Sci.fixed(estimate.log10Sd(), 3) + " (" + confidence + ": within "
                + Sci.input(Spreads.factor(confidence)) + "x at 90%)");
        out.println("  90% interval: " + Sci.flop(headline.low90()) + " .. " + Sci.flop(headline.high90()) + " FLOP");
        out.println("  p_above: " + Sci.fixed(StatusRule.storedProbability(headline.pAbove()), 3) + " -> status " + status
                + " (" + StatusRule.explain(StatusRule.of(headline.pAbove())) + ")");
        out.flush();
        return ExitCodes.OK;
    }

    private ObjectNode quickParams() {
        ObjectNode inputs = JsonNodeFactory.instance.objectNode();
        inputs.put("parameters", paramsTokens.params);
        inputs.put("tokens", paramsTokens.tokens);
        if (paramsTokens.activeParams != null) {
            inputs.put("active_parameters", paramsTokens.activeParams);
        }
        return inputs;
    }

    private ObjectNode quickHardware() {
        if ((hardware.days == null) == (hardware.hours == null)) {
            throw TrackerException.usage("give the training time once: --days T or --hours T");
        }
        ObjectNode inputs = JsonNodeFactory.instance.objectNode();
        inputs.put("chip", hardware.chip);
        inputs.put("count", hardware.count);
        if (hardware.days != null) {
            inputs.put("days", hardware.days);
        } else {
            inputs.put("hours", hardware.hours);
        }
        inputs.put("utilization", hardware.utilization);
        if (hardware.precision != null) {
            inputs.put("precision", hardware.precision);
        }
        return inputs;
    }

    private static void putNumber(ObjectNode node, String field, double value) {
        if (Double.isNaN(value)) {
            node.putNull(field);
        } else {
            node.put(field, Sci.full(value));
        }
    }

    private static void printJson(PrintWriter out, com.fasterxml.jackson.databind.JsonNode node) {
        try {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node).replace("\r\n", "\n"));
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
