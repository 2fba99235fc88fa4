package org.frontierregistry.tracker.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderSwapTest {
    @TempDir
    Path folder;

    @Test
    void theNewContentReplacesTheOldWholeAndWhatOnlyTheOldHeldIsKept() throws IOException {
        Path dist = folder.resolve("dist");
        Files.createDirectories(dist.resolve("scrape-cache"));
        Files.writeString(dist.resolve("scrape-cache/abc.entry"), "cached");
        Files.writeString(dist.resolve("proposals.json"), "{}\n");
        Files.writeString(dist.resolve("models.csv"), "old\n");
        FolderSwap swap = FolderSwap.of(dist);

        Path staging = swap.begin();
        Files.writeString(staging.resolve("models.csv"), "new\n");
        swap.commit();

        assertEquals("new\n", Files.readString(dist.resolve("models.csv")));
        assertEquals("{}\n", Files.readString(dist.resolve("proposals.json")));
        assertEquals("cached", Files.readString(dist.resolve("scrape-cache/abc.entry")));
        assertEquals(List.of("dist"), names(folder));
    }

    @Test
    void aFirstBuildCreatesTheFolder() throws IOException {
        Path dist = folder.resolve("out/dist");
        FolderSwap swap = FolderSwap.of(dist);

        Files.writeString(swap.begin().resolve("index.html"), "<html>");
        swap.commit();

        assertEquals(List.of("index.html"), names(dist));
        assertEquals(List.of("dist"), names(folder.resolve("out")));
    }

    @Test
    void killedBetweenTheTwoRenamesThePreviousFolderIsPutBack() throws IOException {
        Path dist = folder.resolve("dist");
        Path aside = folder.resolve(".dist.tracker-old");
        Files.createDirectories(aside);
        Files.writeString(aside.resolve("models.csv"), "previous build\n");
        Files.createDirectories(folder.resolve(".dist.tracker-new"));

        String done = FolderSwap.of(dist).recover();

        assertEquals("previous build\n", Files.readString(dist.resolve("models.csv")));
        assertEquals(List.of("dist"), names(folder));
        assertEquals("put the previous dist/ back, removed an unfinished .dist.tracker-new/", done);
    }

    @Test
    void killedAfterTheSwapTheOldFolderIsEmptiedIntoTheNewAndRemoved() throws IOException {
        Path dist = folder.resolve("dist");
        Files.createDirectories(dist);
        Files.writeString(dist.resolve("models.csv"), "new build\n");
        Path aside = folder.resolve(".dist.tracker-old");
        Files.createDirectories(aside);
        Files.writeString(aside.resolve("models.csv"), "old build\n");
        Files.writeString(aside.resolve("proposals.json"), "{}\n");

        FolderSwap.of(dist).recover();

        assertEquals("new build\n", Files.readString(dist.resolve("models.csv")));
        assertEquals(List.of("models.csv", "proposals.json"), names(dist));
        assertEquals(List.of("dist"), names(folder));
    }

    @Test
    void aDiscardedBuildLeavesTheTargetAsItWas() throws IOException {
        Path dist = folder.resolve("dist");
        Files.createDirectories(dist);
        Files.writeString(dist.resolve("models.csv"), "old\n");
        FolderSwap swap = FolderSwap.of(dist);

        Files.writeString(swap.begin().resolve("models.csv"), "half");
        swap.discard();

        assertEquals("old\n", Files.readString(dist.resolve("models.csv")));
        assertEquals(List.of("dist"), names(folder));
    }

    @Test
    void aFileWhereTheFolderShouldBeIsRefused() throws IOException {
        Path dist = Files.writeString(folder.resolve("dist"), "a person's file");

        WriteFailure failure = assertThrows(WriteFailure.class, () -> FolderSwap.of(dist));

        assertEquals(dist + " is a file, not a folder; give an output folder.", failure.getMessage());
        assertFalse(Files.isDirectory(dist));
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
