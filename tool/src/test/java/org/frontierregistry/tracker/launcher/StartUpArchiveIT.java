package org.frontierregistry.tracker.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.frontierregistry.tracker.testing.FolderCopy;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.frontierregistry.tracker.testing.TestCommits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher starts the tool from a class archive it makes on the first run. The JVM refuses an archive made
 * for another jar without a word, and a dynamic archive leaves out classes compiled for Java 5 (picocli's), so
 * both are checked here by what the JVM reports loading: the launcher, with the tool's jar, in a copy of the
 * repository.
 */
class StartUpArchiveIT {
    private static final Path REPO = TempRegistry.realRepository();

    @TempDir
    Path copy;

    @Test
    void theFirstRunMakesAnArchiveThatHoldsPicocli() throws Exception {
        Path jar = copyOfTheRepository();

        Run first = launch("--version");

        assertEquals(0, first.exitCode, first.output);
        assertTrue(Files.getLastModifiedTime(archive()).compareTo(Files.getLastModifiedTime(jar)) >= 0);
        assertTrue(first.loadedFromArchive("org.frontierregistry.tracker.cli.Main"), first.whereFrom("org.frontierregistry.tracker.cli.Main"));
        assertTrue(first.loadedFromArchive("picocli.CommandLine"), first.whereFrom("picocli.CommandLine"));
    }

    @Test
    void theArchiveHoldsWhatAQueryUsesWithItsLambdasAndWhatADiffUsesOfGit() throws Exception {
        copyOfTheRepository();
        Files.writeString(copy.resolve(".gitignore"), "tool/\ncache/\nclasses.log\n");
        try (Git git = Git.init().setDirectory(copy.toFile()).setInitialBranch("main").call()) {
            TestCommits.everything(git, "the records"); // a clone: the launcher's training runs a diff too
        }
        assertEquals(0, launch("--version").exitCode); // makes the archive

        Run query = launch("query", "--limit", "3");
        Run diff = launch("diff", "--base", "HEAD");

        assertEquals(0, query.exitCode, query.output);
        assertTrue(query.loadedFromArchive("org.frontierregistry.tracker.query.TextTable"),
                query.whereFrom("org.frontierregistry.tracker.query.TextTable"));
        // The query package's lambdas run on one thread, so each is made once: all from the archive.
        assertTrue(query.classLog.contains("org.frontierregistry.tracker.query.Fields$$Lambda"), "the query made its lambdas");
        assertEquals(List.of(), query.lambdasMadeAtRunTime("org.frontierregistry.tracker.query."));
        assertEquals(0, diff.exitCode, diff.output);
        assertTrue(diff.loadedFromArchive("org.eclipse.jgit.internal.storage.file.FileRepository"),
                diff.whereFrom("org.eclipse.jgit.internal.storage.file.FileRepository"));
        assertTrue(diff.loadedFromArchive("org.frontierregistry.tracker.diff.Snapshots"),
                diff.whereFrom("org.frontierregistry.tracker.diff.Snapshots"));
    }

    @Test
    void aJarNamedByTrackerJarRunsAsItIsWithItsArchiveBesideIt() throws Exception {
        Path built = copyOfTheRepository();
        Path other = Files.createDirectories(copy.resolve("other")).resolve("tracker.jar");
        Files.move(built, other); // tool/target holds no jar now: without TRACKER_JAR the launcher would build one

        Run run = launchWith("", Map.of("TRACKER_JAR", other.toString()), "--version");

        assertEquals(0, run.exitCode, run.output);
        assertTrue(run.output.lines().anyMatch(line -> line.startsWith("tracker ")), run.output);
        assertTrue(run.loadedFromArchive("org.frontierregistry.tracker.cli.Main"), run.whereFrom("org.frontierregistry.tracker.cli.Main"));
        try (Stream<Path> files = Files.list(copy.resolve("other"))) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().matches("tracker-java\\d+\\.(jsa|aot)")), "the archive is beside the jar");
        }
        assertFalse(Files.exists(copy.resolve("tool/target/tracker.jar")), "nothing was built");
        List<String> options = printedFlags("", Map.of("TRACKER_JAR", other.toString()));
        assertTrue(options.get(0).matches("-XX:(SharedArchiveFile|AOTCache)=" + java.util.regex.Pattern.quote(copy.resolve("other").toString())
                + "/tracker-java\\d+\\.(jsa|aot)"), "compare.sh is told the options that map that jar's archive: " + options);
        assertTrue(options.containsAll(printedFlags("")), "and the launcher's flags: " + options);
    }

    @Test
    void anArchiveOlderThanTheJarIsMadeAgain() throws Exception {
        Path jar = copyOfTheRepository();
        assertEquals(0, launch("--version").exitCode);
        Path archive = archive();
        // As after `mvn package` run directly: a new jar beside the archive made for the old one.
        Files.setLastModifiedTime(archive, FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS)));
        Files.copy(REPO.resolve("tool/target/tracker.jar"), jar, StandardCopyOption.REPLACE_EXISTING);

        Run afterRebuild = launch("--version");

        assertEquals(0, afterRebuild.exitCode, afterRebuild.output);
        assertTrue(Files.getLastModifiedTime(archive()).compareTo(Files.getLastModifiedTime(jar)) >= 0, "the archive was made again");
        assertTrue(afterRebuild.loadedFromArchive("org.frontierregistry.tracker.cli.Main"),
                afterRebuild.whereFrom("org.frontierregistry.tracker.cli.Main"));
    }

    @Test
    void aJarDatedInTheFutureKeepsTheArchiveMadeForIt() throws Exception {
        Path jar = copyOfTheRepository();
        // As a copied jar, or a clock set back: the archive made now is older than the jar.
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plus(10, ChronoUnit.MINUTES)));
        assertEquals(0, launch("--version").exitCode);
        FileTime made = Files.getLastModifiedTime(archive());

        Run next = launch("--version");

        assertEquals(0, next.exitCode, next.output);
        assertEquals(made, Files.getLastModifiedTime(archive()), "the archive is not made again on every run");
        assertTrue(next.loadedFromArchive("org.frontierregistry.tracker.cli.Main"), next.whereFrom("org.frontierregistry.tracker.cli.Main"));
    }

    @Test
    void aLargestHeapSetInTheEnvironmentIsRespected() throws Exception {
        copyOfTheRepository();

        // Below the launcher's starting heap: both given, the JVM would refuse to start.
        Run small = launchWith("-Xmx300m", "validate");

        assertEquals(0, small.exitCode, small.output);
        assertTrue(small.output.contains("no problems") && !small.output.contains("warning"), small.output);
    }

    @Test
    void theBenchmarkIsToldTheFlagsTheLauncherRunsTheToolWith() throws Exception {
        copyOfTheRepository();

        List<String> flags = printedFlags("");
        List<String> underALargestHeap = printedFlags("-Xmx300m");

        assertTrue(flags.containsAll(List.of("-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1", "-Xms768m", "-XX:MaxNewSize=512m")), flags.toString());
        assertTrue(underALargestHeap.stream().noneMatch(flag -> flag.startsWith("-Xms") || flag.contains("NewSize")),
                underALargestHeap.toString());
        try (Stream<Path> files = Files.list(copy.resolve("tool/target"))) {
            assertEquals(List.of("tracker.jar"), files.map(f -> f.getFileName().toString()).toList(), "nothing run, no archive made");
        }
    }

    /** What the launcher prints when asked for its JVM flags (tool/bench/compare.sh asks). */
    private List<String> printedFlags(String javaOptions) throws Exception {
        return printedFlags(javaOptions, Map.of());
    }

    /** @param environment more variables for the launcher's environment */
    private List<String> printedFlags(String javaOptions, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(copy.resolve("tracker").toString()).directory(copy.toFile());
        builder.environment().put("TRACKER_PRINT_JVM_FLAGS", "1");
        builder.environment().put("JAVA_TOOL_OPTIONS", javaOptions);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(1, TimeUnit.MINUTES), "the launcher did not finish");
        assertEquals(0, process.exitValue(), printed);
        return printed.lines().toList();
    }

    /** The launcher, the built jar, and what the training build reads (records, schema, data). */
    private Path copyOfTheRepository() throws IOException {
        Path built = REPO.resolve("tool/target/tracker.jar");
        assertTrue(Files.isRegularFile(built), "the integration tests run after `package`: " + built);
        Files.copy(REPO.resolve("tracker"), copy.resolve("tracker"));
        copy.resolve("tracker").toFile().setExecutable(true);
        for (String folder : List.of("models", "schema", "data")) {
            FolderCopy.copy(REPO.resolve(folder), copy.resolve(folder));
        }
        // Copied last, so it is newer than the data the launcher would otherwise rebuild it for.
        Files.createDirectories(copy.resolve("tool/target"));
        Path jar = copy.resolve("tool/target/tracker.jar");
        Files.copy(built, jar);
        return jar;
    }

    private Path archive() throws IOException {
        try (Stream<Path> files = Files.list(copy.resolve("tool/target"))) {
            List<Path> archives = files.filter(f -> f.getFileName().toString().matches("tracker-java\\d+\\.(jsa|aot)")).toList();
            assertEquals(1, archives.size(), "one start-up archive beside the jar: " + archives);
            return archives.get(0);
        }
    }

    /** Runs the launcher with the JVM's class log; the tool's own run is the last to write it. */
    private Run launch(String... args) throws Exception {
        return launchWith("", args);
    }

    /** @param javaOptions more options for the JVM's environment (JAVA_TOOL_OPTIONS) */
    private Run launchWith(String javaOptions, String... args) throws Exception {
        return launchWith(javaOptions, Map.of(), args);
    }

    /** @param environment more variables for the launcher's environment */
    private Run launchWith(String javaOptions, Map<String, String> environment, String... args) throws Exception {
        Path log = copy.resolve("classes.log");
        ProcessBuilder builder = new ProcessBuilder(Stream.concat(Stream.of(copy.resolve("tracker").toString()), Stream.of(args)).toList())
                .directory(copy.toFile()).redirectErrorStream(true);
        builder.environment().put("TRACKER_CACHE_DIR", copy.resolve("cache").toString());
        builder.environment().put("JAVA_TOOL_OPTIONS", (javaOptions + " -Xlog:class+load=info:file=" + log).strip());
        builder.environment().putAll(environment);
        Process process = builder.start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the launcher did not finish");
        return new Run(process.exitValue(), printed, Files.exists(log) ? Files.readString(log) : "");
    }

    private record Run(int exitCode, String output, String classLog) {
        boolean loadedFromArchive(String className) {
            return classLog.lines().anyMatch(line -> line.contains(" " + className + " source: shared objects file"));
        }

        /** Lambda classes of the package made while the tool ran, not mapped from the archive. */
        List<String> lambdasMadeAtRunTime(String packagePrefix) {
            return classLog.lines().filter(line -> line.contains("] " + packagePrefix) && line.contains("$$Lambda")
                    && !line.contains("source: shared objects file")).map(line -> line.substring(line.indexOf("] ") + 2)).toList();
        }

        String whereFrom(String className) {
            return classLog.lines().filter(line -> line.contains(" " + className + " source: ")).findFirst()
                    .orElse(className + " not in the class log") + "\n" + output;
        }
    }
}
