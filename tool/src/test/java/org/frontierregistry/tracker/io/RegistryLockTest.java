package org.frontierregistry.tracker.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryLockTest {
    @TempDir
    Path folder;

    @Test
    void whileOneRunHoldsTheLockASecondIsToldWhoHoldsIt() throws Exception {
        Path file = folder.resolve(".tracker.lock");
        try (RegistryLock first = RegistryLock.acquire(file, "tracker estimate --write --all")) {
            RegistryLock.Busy busy = assertThrows(RegistryLock.Busy.class, () -> RegistryLock.acquire(file, "tracker build"));

            RegistryLock.Holder holder = busy.holder().orElseThrow();
            assertEquals(String.valueOf(ProcessHandle.current().pid()), holder.pid());
            assertEquals("tracker estimate --write --all", holder.command());
            assertTrue(holder.describe().startsWith("'tracker estimate --write --all' (process " + holder.pid() + " on "),
                    holder.describe());
        }
    }

    @Test
    void aFinishedRunFreesTheLockAndLeavesTheFileEmpty() throws Exception {
        Path file = folder.resolve(".tracker.lock");
        RegistryLock.acquire(file, "tracker build").close();

        assertEquals("", Files.readString(file));
        try (RegistryLock next = RegistryLock.acquire(file, "tracker build")) {
            assertEquals(Optional.empty(), next.interrupted());
        }
    }

    @Test
    void detailsLeftByARunThatDiedMeanItWasInterruptedAndDoNotBlock() throws Exception {
        Path file = folder.resolve(".tracker.lock");
        Files.writeString(file, "pid: 999999\ncommand: tracker review\nhost: laptop\nstarted: 2026-11-30T20:00:00Z\n");

        try (RegistryLock next = RegistryLock.acquire(file, "tracker build")) {
            RegistryLock.Holder earlier = next.interrupted().orElseThrow();
            assertEquals("999999", earlier.pid());
            assertEquals("tracker review", earlier.command());
            assertTrue(Files.readString(file).contains("command: tracker build"));
        }
    }

    @Test
    void aLockFileThatCannotBeCreatedIsAnIoErrorNotAHang() {
        assertThrows(IOException.class, () -> RegistryLock.acquire(folder.resolve("missing/.tracker.lock"), "tracker build"));
    }
}
