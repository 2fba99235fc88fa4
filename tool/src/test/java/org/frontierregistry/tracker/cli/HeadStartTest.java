package org.frontierregistry.tracker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.frontierregistry.tracker.io.AtomicFiles;
import org.frontierregistry.tracker.record.RegistryLayout;
import org.frontierregistry.tracker.testing.RecordYaml;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.frontierregistry.tracker.testing.TempRegistry.Run;
import org.frontierregistry.tracker.testing.TestCommits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A command's registry work begun before picocli reads the command line: taken by the command when it reads the
 * same registry with the same clock, left alone otherwise, and never a different answer.
 */
@Timeout(60) // work that never completes would leave a command waiting for ever: a failure, not a hung build
class HeadStartTest {
    @TempDir
    Path folder;

    TempRegistry registry;

    @BeforeEach
    void registryWithTwoRecords() {
        registry = TempRegistry.in(folder.resolve("registry"));
        registry.copyResource("records/valid/every-method.yaml");
        registry.copyResource("records/valid/reference-model.yaml");
    }

    @AfterEach
    void noWorkLeftBehind() {
        HeadStart.finish();
    }

    @ParameterizedTest
    @ValueSource(strings = {"query", "stats", "validate", "build", "show reference-model", "estimate reference-model"})
    void theCommandTakesTheWorkBegunForItsRegistryAndAnswersAsWithout(String command) {
        String[] args = command.equals("build") ? args(command, "--out", folder.resolve("dist").toString()) : args(command.split(" "));
        Run without = Run.of(args);
        if (command.equals("build")) {
            args = args(command, "--out", folder.resolve("dist-2").toString());
        }

        assertTrue(HeadStart.begin(args, folder, null));
        assertTrue(HeadStart.waiting());
        Run with = Run.of(args);

        assertFalse(HeadStart.waiting(), "the command took the work begun for it");
        assertEquals(without.exitCode(), with.exitCode(), with.all());
        assertEquals(without.out().replace("dist", "dist-2"), with.out());
        assertEquals(without.err(), with.err());
    }

    @Test
    void oneFileIsValidatedWithTheListingAndStampsMadeAhead() {
        String file = registry.root().resolve("models/every-method.yaml").toString();
        registry.run("validate"); // the clean run the one-file validation answers from
        String[] args = args("validate", file);

        assertTrue(HeadStart.begin(args, folder, null));
        Run run = Run.of(args);

        assertFalse(HeadStart.waiting());
        assertEquals(ExitCodes.OK, run.exitCode(), run.all());
        assertEquals("OK: 1 file checked, no problems.\n", run.out());
    }

    @Test
    void theRegistryIsFoundFromTheWorkingFolderAsTheCommandFindsIt() {
        assertTrue(HeadStart.begin(new String[] {"query"}, registry.root().resolve("models"), null));

        Run run = Run.of("query", "--repo", registry.root().toString());

        assertFalse(HeadStart.waiting(), "the registry above the working folder is the one --repo names");
        assertEquals(ExitCodes.OK, run.exitCode(), run.all());
    }

    @Test
    void aCommandReadingAnotherRegistryLeavesTheWorkAndGetsItsOwnAnswer() throws IOException {
        TempRegistry other = TempRegistry.in(folder.resolve("other"));
        other.copyResource("records/valid/minimal-record.yaml");
        assertTrue(HeadStart.begin(args("query", "--columns", "name"), folder, null));

        Run run = other.run("query", "--columns", "name");

        assertTrue(HeadStart.waiting(), "work for another registry is not taken");
        assertTrue(run.out().contains("Minimal"), run.out());
        assertFalse(run.out().contains("Every"), run.out());
        HeadStart.finish();
        assertFalse(HeadStart.waiting());
    }

    @Test
    void workEndedUntakenLeavesNoFileCutHalfway() throws IOException {
        for (int round = 0; round < 20; round++) {
            Files.writeString(registry.root().resolve("models/every-method.yaml"), "\n# round " + round,
                    java.nio.file.StandardOpenOption.APPEND); // each round has something new to remember
            assertTrue(HeadStart.begin(args("query"), folder, null));
            HeadStart.finish(); // as after a mistyped option, at any point of the work
        }
        Path cacheFolder = registry.layout().cacheFile().orElseThrow().getParent();
        try (var files = Files.list(cacheFolder)) {
            assertEquals(List.of(), files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(AtomicFiles.TEMP_SUFFIX)).toList());
        }
        Run run = registry.run("query", "--columns", "name");
        Run fresh = registry.run("query", "--columns", "name", "--no-cache");
        assertEquals(fresh, run, "whatever the ended work wrote reads back whole");
    }

    @Test
    void aCommandReadingTheDayByAnotherClockLeavesTheWork() {
        assertTrue(HeadStart.begin(args("query"), folder, null));
        Clock fixed = Clock.fixed(Instant.parse("2026-01-01T12:00:00Z"), ZoneOffset.UTC);

        assertNull(HeadStart.take(registry.layout(), fixed));
        assertTrue(HeadStart.waiting());
        assertNotNull(HeadStart.take(registry.layout(), Clock.systemDefaultZone()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"query --no-cache", "query --as-of 2026-01-01", "stats --today=2026-01-01", "validate --help",
            "build -V", "show --no-cache some-id", "new", "estimate --write some-id", "estimate --write=true some-id",
            "estimate @options.txt some-id"})
    void noWorkBeginsForARunThatWouldNotTakeIt(String command) {
        String[] args = args(command.split(" "));

        assertFalse(HeadStart.begin(args, folder, null));
        assertFalse(HeadStart.waiting());
    }

    @Test
    void noWorkBeginsOutsideARegistryOrWithoutACommand() {
        Path elsewhere = folder.resolve("elsewhere");

        assertFalse(HeadStart.begin(new String[0], folder, null));
        assertTrue(HeadStart.begin(new String[] {"query"}, elsewhere, null));
        assertNull(HeadStart.take(registry.layout(), Clock.systemDefaultZone()), "nothing was found to prepare");
    }

    @ParameterizedTest
    @ValueSource(strings = {"query", "validate", "stats"})
    void aRegistryTheWorkCannotReadIsReportedByTheCommandAsWithout(String command) throws IOException {
        Files.writeString(registry.root().resolve(RegistryLayout.SCHEMA), "{ not json");
        Run without = registry.run(command);

        assertTrue(HeadStart.begin(args(command), folder, null));
        Run with = registry.run(command);

        assertEquals(without.exitCode(), with.exitCode());
        assertEquals(without.all(), with.all());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--base FIRST --head main", "--base=FIRST", "--head main --base FIRST --format json",
            "--base no-such-revision"})
    void aDiffTakesTheWorkBegunForItAndAnswersAsWithout(String options) throws Exception {
        String first = twoCommits();
        String[] args = args(("diff " + options.replace("FIRST", first)).split(" "));
        Run without = Run.of(args);

        assertTrue(HeadStart.begin(args, folder, null));
        Run with = Run.of(args);

        assertFalse(HeadStart.waiting(), "the command took the work begun for it");
        assertEquals(without, with);
    }

    @Test
    void aDiffOutsideAGitRepositoryIsReportedByTheCommandAsWithout() {
        String[] args = args("diff", "--base", "main");
        Run without = Run.of(args);

        assertTrue(HeadStart.begin(args, folder, null));
        Run with = Run.of(args);

        assertEquals(ExitCodes.USAGE, with.exitCode(), with.all());
        assertEquals(without, with);
    }

    @Test
    void theBaseSideReadAheadIsTakenOnlyForTheRevisionItWasReadFor() throws Exception {
        String first = twoCommits();
        Clock utc = Clock.systemUTC();

        assertTrue(HeadStart.begin(args("diff", "--base", first), folder, null));
        HeadStart.DiffStart other = HeadStart.diff(registry.layout(), utc, "main");
        assertTrue(HeadStart.begin(args("diff", "--base", first), folder, null));
        HeadStart.DiffStart same = HeadStart.diff(registry.layout(), utc, first);

        assertNull(other.base(), "read for another revision");
        assertNotNull(other.validator());
        assertNotNull(same.base());
        assertEquals(first, same.base().commit());
        assertEquals(List.of("every-method", "reference-model"),
                same.base().records().loaded().stream().map(r -> r.id()).sorted().toList());
    }

    /** The registry committed, then a third record added in a second commit; the first commit's id. */
    private String twoCommits() throws Exception {
        try (Git git = Git.init().setDirectory(registry.root().toFile()).setInitialBranch("main").call()) {
            String first = TestCommits.everything(git, "two records").name();
            registry.write("gamma", RecordYaml.of("gamma", "Gamma", "above", 3e25));
            TestCommits.everything(git, "a third");
            return first;
        }
    }

    /** The command's arguments with {@code --repo} naming the registry, as a person types them. */
    private String[] args(String... command) {
        String[] args = new String[command.length + 2];
        System.arraycopy(command, 0, args, 0, command.length);
        args[command.length] = "--repo";
        args[command.length + 1] = registry.root().toString();
        return args;
    }
}
