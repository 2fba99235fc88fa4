package org.frontierregistry.tracker.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.frontierregistry.tracker.io.AtomicFiles;
import org.frontierregistry.tracker.io.RegistryLock;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.frontierregistry.tracker.testing.TempRegistry.Run;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The commands that write take the registry lock; the lock between two real processes is in InterruptedRunsTest. */
class WriteLockTest {
    @TempDir
    Path folder;

    @ParameterizedTest(name = "tracker {0} waits for nobody: it stops and names the run that holds the lock")
    @ValueSource(strings = {"estimate --write --all", "new --name Another --org Meta AI --date 2024-01-01", "build",
            "review --by maintainer --answers ANSWERS"})
    void aWritingCommandStopsWhileAnotherRunHoldsTheLockAndChangesNothing(String command) throws Exception {
        TempRegistry registry = TempRegistry.in(folder.resolve("repo"));
        Path record = registry.copyResource("records/valid/every-method.yaml");
        byte[] before = Files.readAllBytes(record);
        Path answers = Files.writeString(folder.resolve("answers.txt"), "v\n");

        Run run;
        try (RegistryLock held = RegistryLock.acquire(registry.layout().lockFile(), "tracker estimate --write reference-model")) {
            run = registry.run(args(command, answers));
        }

        assertEquals(ExitCodes.PROBLEMS, run.exitCode(), run.all());
        assertTrue(run.err().startsWith("error: another tracker run is writing to this registry: 'tracker estimate --write"
                + " reference-model' (process " + ProcessHandle.current().pid() + " on "), run.err());
        assertTrue(run.err().contains("Wait until it finishes and run this again, or stop it first (kill "
                + ProcessHandle.current().pid() + ")."), run.err());
        assertArrayEquals(before, Files.readAllBytes(record));
        assertFalse(Files.exists(registry.root().resolve("models/another.yaml")));
        assertFalse(Files.exists(registry.root().resolve("dist")));
    }

    @ParameterizedTest(name = "tracker {0} does not lock: it only reads")
    @ValueSource(strings = {"validate", "estimate --all", "query", "review --list"})
    void readingCommandsRunWhileTheLockIsHeld(String command) throws Exception {
        TempRegistry registry = TempRegistry.in(folder.resolve("repo"));
        registry.copyResource("records/valid/every-method.yaml");

        Run run;
        try (RegistryLock held = RegistryLock.acquire(registry.layout().lockFile(), "tracker build")) {
            run = registry.run(command.split(" "));
        }

        assertFalse(run.err().contains("another tracker run"), run.all());
    }

    @ParameterizedTest(name = "after an interrupted run, tracker {0} says so and removes its temporary files")
    @ValueSource(strings = {"estimate --write --all", "build"})
    void theRunAfterAnInterruptedOneSaysSoAndCleansUp(String command) throws Exception {
        TempRegistry registry = TempRegistry.in(folder.resolve("repo"));
        registry.copyResource("records/valid/minimal-record.yaml");
        Files.writeString(registry.layout().lockFile(), "pid: 4242\ncommand: tracker estimate --write --all\nhost: ci\n"
                + "started: 2026-11-30T20:00:00Z\n");
        Path leftover = Files.writeString(registry.root().resolve("models/.minimal-record.yaml.0a1b2c3d4e5f"
                + AtomicFiles.TEMP_SUFFIX), "id: every-meth");

        Run run = registry.run(command.split(" "));

        assertEquals(ExitCodes.OK, run.exitCode(), run.all());
        assertTrue(run.err().contains("note: an earlier run, 'tracker estimate --write --all' (process 4242 on ci, started"
                + " 2026-11-30T20:00:00Z), was interrupted (its 1 unfinished temporary file removed). Every file it wrote is"
                + " whole; check 'git status' for what it changed before it stopped."), run.err());
        assertFalse(Files.exists(leftover));
        assertEquals("", Files.readString(registry.layout().lockFile()), "a finished run leaves the lock file empty");
    }

    private static String[] args(String command, Path answers) {
        if (command.startsWith("new ")) {
            return new String[] {"new", "--name", "Another", "--org", "Meta AI", "--date", "2024-01-01"};
        }
        return command.replace("ANSWERS", answers.toString()).split(" ");
    }
}
