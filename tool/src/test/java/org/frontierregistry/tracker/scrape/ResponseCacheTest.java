package org.frontierregistry.tracker.scrape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.frontierregistry.tracker.testing.CacheLeftovers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResponseCacheTest {
    private static final URI URL = URI.create("https://epoch.ai/data/large_scale_ai_models.csv");

    @TempDir
    Path folder;

    @Test
    void aStoredResponseComesBackWithItsValidators() {
        ResponseCache cache = ResponseCache.in(folder);
        byte[] body = Fixtures.bytes(Fixtures.LMARENA);

        cache.store(URL, new ResponseCache.Entry(body, "text/csv", "\"abc\"", "Tue, 05 Aug 2025 10:00:00 GMT"));
        ResponseCache.Entry entry = ResponseCache.in(folder).load(URL).orElseThrow();

        assertArrayEquals(body, entry.body());
        assertEquals("text/csv", entry.contentType());
        assertEquals("\"abc\"", entry.etag());
        assertEquals("Tue, 05 Aug 2025 10:00:00 GMT", entry.lastModified());
    }

    @Test
    void storingAnEntryRemovesWhatARunKilledLongAgoLeftInTheFolder() {
        CacheLeftovers leftovers = CacheLeftovers.in(folder);

        ResponseCache.in(folder).store(URL, new ResponseCache.Entry(Fixtures.bytes(Fixtures.LMARENA), "text/csv", "\"abc\"", null));

        leftovers.assertOnlyTheAbandonedOneIsGone();
    }

    @Test
    void anEntryCutShortIsAMiss() throws IOException {
        Path file = storeOne();
        byte[] bytes = Files.readAllBytes(file);

        for (int length : List.of(0, 10, 40, bytes.length / 2, bytes.length - 1)) {
            Files.write(file, Arrays.copyOf(bytes, length));
            assertEquals(Optional.empty(), ResponseCache.in(folder).load(URL), "cut at " + length);
        }
    }

    @Test
    void anEntryWithAChangedByteInItsBodyIsAMiss() throws IOException {
        Path file = storeOne();
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 100] ^= 0x20;
        Files.write(file, bytes);

        assertEquals(Optional.empty(), ResponseCache.in(folder).load(URL));
    }

    @Test
    void anEntryWithGarbageInItsHeaderIsAMiss() throws IOException {
        Path file = storeOne();
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        Files.write(file, text.replaceFirst("\n[0-9]+\n", "\n-12x\n").getBytes(StandardCharsets.ISO_8859_1));

        assertEquals(Optional.empty(), ResponseCache.in(folder).load(URL));
    }

    @Test
    void aFolderWhereTheEntryShouldBeIsAMissNotAnError() throws IOException {
        Path file = storeOne();
        Files.delete(file);
        Files.createDirectory(file);

        assertEquals(Optional.empty(), ResponseCache.in(folder).load(URL));
        ResponseCache.in(folder).store(URL, new ResponseCache.Entry(new byte[] {1}, "text/csv", "\"e\"", null));
    }

    @Test
    void theHalvesOfTheOlderTwoFileLayoutAreIgnored() throws IOException {
        Path file = storeOne();
        String stem = file.getFileName().toString().replace(ResponseCache.ENTRY, "");
        Files.delete(file);
        Files.writeString(folder.resolve(stem + ".meta"), "text/csv\n\"abc\"\n\n");

        assertEquals(Optional.empty(), ResponseCache.in(folder).load(URL));
    }

    private Path storeOne() throws IOException {
        ResponseCache.in(folder).store(URL, new ResponseCache.Entry(Fixtures.bytes(Fixtures.LMARENA), "text/csv", "\"abc\"", null));
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> entries = files.toList();
            assertEquals(1, entries.size(), entries.toString());
            assertTrue(entries.get(0).toString().endsWith(ResponseCache.ENTRY));
            return entries.get(0);
        }
    }
}
