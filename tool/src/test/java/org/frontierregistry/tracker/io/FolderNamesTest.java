package org.frontierregistry.tracker.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderNamesTest {
    @TempDir
    Path folder;

    @Test
    void aFoldersEntriesAreNamedFilesAndFoldersAlike() throws IOException {
        Files.writeString(folder.resolve("b.yaml"), "id: b\n");
        Files.createDirectories(folder.resolve("a.yaml"));

        String[] names = FolderNames.of(folder);

        Arrays.sort(names);
        assertArrayEquals(new String[] {"a.yaml", "b.yaml"}, names);
    }

    @Test
    void aMissingFolderOrAFileHasNoNames() throws IOException {
        Path file = Files.writeString(folder.resolve("file.txt"), "x");

        assertEquals(0, FolderNames.of(folder.resolve("missing")).length);
        assertEquals(0, FolderNames.of(file).length);
    }
}
