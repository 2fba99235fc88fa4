package org.frontierregistry.tracker.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The rule of docs/architecture.md, checked: the tool writes files only through AtomicFiles (or FolderSwap, RegistryLock). */
class WritesGoThroughAtomicFilesTest {
    private static final Path MAIN = Path.of("src/main/java");
    private static final Pattern DIRECT_WRITE = Pattern.compile(
            "(?<![A-Za-z])Files\\.(write|writeString|newBufferedWriter|newOutputStream)\\(|new (FileOutputStream|FileWriter|RandomAccessFile|PrintStream)\\(");

    @Test
    void noCodeOutsideTheIoPackageWritesAFileDirectly() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                if (file.startsWith(MAIN.resolve("org/frontierregistry/tracker/io"))) {
                    continue;
                }
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (DIRECT_WRITE.matcher(lines.get(i)).find()) {
                        found.add(MAIN.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertEquals(List.of(), found, "write these through io.AtomicFiles, so an interrupted run never leaves half a file");
    }
}
