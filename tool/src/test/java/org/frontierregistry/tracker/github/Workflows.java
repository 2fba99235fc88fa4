package org.frontierregistry.tracker.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.frontierregistry.tracker.testing.TempRegistry;

/** The repository's GitHub workflow files, parsed, so tests can read the exact steps they run. */
final class Workflows {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Workflows() {
    }

    static Path folder() {
        return TempRegistry.realRepository().resolve(".github/workflows");
    }

    static List<Path> files() {
        try (Stream<Path> files = Files.list(folder())) {
            return files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Workflow read(String fileName) {
        return read(folder().resolve(fileName));
    }

    static Workflow read(Path file) {
        try {
            return new Workflow(file.getFileName().toString(), Files.readString(file), YAML.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One workflow file. */
    record Workflow(String fileName, String text, JsonNode tree) {
        String name() {
            return tree.path("name").asText();
        }

        List<String> jobIds() {
            List<String> ids = new ArrayList<>();
            tree.path("jobs").fieldNames().forEachRemaining(ids::add);
            return ids;
        }

        JsonNode job(String id) {
            JsonNode job = tree.path("jobs").path(id);
            if (job.isMissingNode()) {
                throw new AssertionError(fileName + " has no job '" + id + "'");
            }
            return job;
        }

        List<Step> steps(String jobId) {
            List<Step> steps = new ArrayList<>();
            JsonNode job = job(jobId);
            int i = 0;
            for (JsonNode s : job.path("steps")) {
                steps.add(new Step(fileName, jobId, i++, s.path("name").asText(s.path("uses").asText(s.path("run").asText())),
                        s.path("id").asText(null), s.path("uses").asText(null), s.path("run").asText(null),
                        s.path("if").asText(null), merged(tree.path("env"), job.path("env"), s.path("env"))));
            }
            return steps;
        }

        List<Step> allSteps() {
            List<Step> all = new ArrayList<>();
            jobIds().forEach(job -> all.addAll(steps(job)));
            return all;
        }

        private static Map<String, String> merged(JsonNode... levels) {
            Map<String, String> env = new LinkedHashMap<>();
            for (JsonNode level : levels) {
                for (Iterator<Map.Entry<String, JsonNode>> it = level.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    env.put(e.getKey(), e.getValue().asText());
                }
            }
            return env;
        }
    }

    /** One step of a job: either {@code uses} an action or {@code run}s a script. */
    record Step(String workflow, String job, int index, String name, String id, String uses, String run, String condition,
                Map<String, String> env) {
        String where() {
            return workflow + " > " + job + " > " + name;
        }
    }
}
