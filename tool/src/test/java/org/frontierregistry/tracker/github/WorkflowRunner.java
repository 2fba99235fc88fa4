package org.frontierregistry.tracker.github;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.frontierregistry.tracker.github.Workflows.Step;

/**
 * Runs the {@code run:} steps of one workflow job locally, the way a GitHub runner would (bash -eo pipefail,
 * in the checkout, with GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and RUNNER_TEMP), skipping the steps that only
 * GitHub can run. Expressions in {@code env:} are looked up in a context the test gives; an expression the
 * test does not know fails the test, so a workflow change cannot slip past it.
 */
final class WorkflowRunner {
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*(.*?)\\s*}}");
    private static final Pattern STEP_SUCCESS = Pattern.compile("steps\\.([\\w-]+)\\.outcome == 'success'");

    private final Path checkout;
    private final Path runnerTemp;
    private final Map<String, String> context;
    private final Set<String> skipped;

    /** @param skipped names of steps GitHub alone can run (the test says why for each) */
    WorkflowRunner(Path checkout, Path runnerTemp, Map<String, String> context, Set<String> skipped) {
        this.checkout = checkout;
        this.runnerTemp = runnerTemp;
        this.context = context;
        this.skipped = skipped;
    }

    /** What one step did. {@code ran} is false for steps skipped (action, GitHub-only, or by its if:). */
    record StepRun(Step step, boolean ran, int exitCode, String output, Map<String, String> outputs) {
    }

    /** What the job did: every step in order, and the summary it wrote. */
    record JobRun(List<StepRun> steps, String summary) {
        StepRun step(String name) {
            return steps.stream().filter(s -> s.step().name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("no step '" + name + "' in " + steps.stream().map(s -> s.step().name()).toList()));
        }

        List<String> ran() {
            return steps.stream().filter(StepRun::ran).map(s -> s.step().name()).toList();
        }
    }

    JobRun run(List<Step> steps) throws IOException, InterruptedException {
        Files.createDirectories(runnerTemp);
        Path summary = runnerTemp.resolve("step-summary.md");
        Files.writeString(summary, "");
        List<StepRun> runs = new ArrayList<>();
        Map<String, String> outcomes = new LinkedHashMap<>();
        boolean failed = false;
        for (Step step : steps) {
            if (step.run() == null || skipped.contains(step.name()) || !shouldRun(step, failed, outcomes)) {
                runs.add(new StepRun(step, false, 0, "", Map.of()));
                continue;
            }
            Path output = runnerTemp.resolve("output-" + step.index());
            Path script = runnerTemp.resolve("step-" + step.index() + ".sh");
            Files.writeString(output, "");
            Files.writeString(script, step.run(), StandardCharsets.UTF_8);
            ProcessBuilder builder = new ProcessBuilder("bash", "--noprofile", "--norc", "-eo", "pipefail", script.toString())
                    .directory(checkout.toFile()).redirectErrorStream(true);
            Map<String, String> env = builder.environment();
            env.remove("TRACKER_REPO");
            env.put("CI", "true");
            env.put("GITHUB_ACTIONS", "true");
            env.put("GITHUB_WORKSPACE", checkout.toString());
            env.put("RUNNER_TEMP", runnerTemp.toString());
            env.put("GITHUB_OUTPUT", output.toString());
            env.put("GITHUB_STEP_SUMMARY", summary.toString());
            step.env().forEach((k, v) -> env.put(k, evaluate(v, step)));
            Process process = builder.start();
            String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(step.where() + " did not finish in 5 minutes");
            }
            int code = process.exitValue();
            failed |= code != 0;
            if (step.id() != null) {
                outcomes.put(step.id(), code == 0 ? "success" : "failure");
            }
            runs.add(new StepRun(step, true, code, printed, outputs(output)));
        }
        return new JobRun(runs, Files.readString(summary));
    }

    /** The few if: forms the workflows use; anything else must be taught here first. */
    private static boolean shouldRun(Step step, boolean failed, Map<String, String> outcomes) {
        String condition = step.condition();
        if (condition == null) {
            return !failed;
        }
        String c = condition.replaceAll("^\\$\\{\\{\\s*|\\s*}}$", "").trim();
        Matcher success = STEP_SUCCESS.matcher(c);
        if (c.startsWith("!cancelled() && ") && success.find()) {
            return "success".equals(outcomes.get(success.group(1)));
        }
        throw new AssertionError(step.where() + ": the test does not know the condition '" + condition + "'");
    }

    private String evaluate(String value, Step step) {
        Matcher m = EXPRESSION.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String expression = m.group(1);
            String known = context.get(expression);
            if (known == null) {
                throw new AssertionError(step.where() + ": the test has no value for ${{ " + expression + " }}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(known));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Map<String, String> outputs(Path file) throws IOException {
        Map<String, String> outputs = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                outputs.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return outputs;
    }
}
