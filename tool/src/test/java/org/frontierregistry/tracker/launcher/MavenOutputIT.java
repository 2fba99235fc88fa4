package org.frontierregistry.tracker.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.frontierregistry.tracker.testing.TempRegistry;
import org.junit.jupiter.api.Test;

/**
 * The launcher builds the tool with {@code mvn -q -B} on first use and shows what Maven prints. Maven's
 * console library writes terminal reset codes (ESC[0m) even in batch and quiet mode unless told not to
 * (.mvn/jvm.config): a first-time user saw them as stray "[0m[0m" in the terminal and in CI logs.
 */
class MavenOutputIT {
    private static final Path REPO = TempRegistry.realRepository();

    @Test
    void theLaunchersMavenFlagsPrintNoTerminalCodes() throws Exception {
        String launcher = Files.readString(REPO.resolve("tracker"));
        assertTrue(launcher.contains("mvn -q -B "), "the launcher builds with mvn -q -B:\n" + launcher);

        // The same flags on the root project's first phase: offline, nothing built, nothing written.
        Process mvn = new ProcessBuilder("mvn", "-q", "-B", "-o", "-N", "validate").directory(REPO.toFile())
                .redirectErrorStream(true).start();
        byte[] printed = mvn.getInputStream().readAllBytes();
        assertTrue(mvn.waitFor(3, TimeUnit.MINUTES), "mvn validate did not finish");

        String text = new String(printed, StandardCharsets.UTF_8);
        assertEquals(0, mvn.exitValue(), text);
        assertFalse(text.contains("\u001b"), "no escape codes in Maven's output: " + text.replace("\u001b", "ESC"));
    }
}
