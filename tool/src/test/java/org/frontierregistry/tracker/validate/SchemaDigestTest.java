package org.frontierregistry.tracker.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.frontierregistry.tracker.record.FileStamp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schema's digest is its text's SHA-256, taken from the memo beside the cache while the schema file keeps the
 * settled stamp it had when remembered, and hashed again otherwise.
 */
class SchemaDigestTest {
    private static final byte[] TEXT = "{\"type\": \"object\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] EDITED = "{\"type\": \"string\"}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path folder;

    Path schema;
    Path cacheFile;
    /** An hour from now: a schema written by the test has settled by then (its change time is now). */
    final long later = System.currentTimeMillis() + 3_600_000;

    @BeforeEach
    void settledSchema() throws IOException {
        schema = Files.write(folder.resolve("model.schema.json"), TEXT);
        cacheFile = folder.resolve("cache/registry-0011.cache");
    }

    private Path memo() {
        return cacheFile.resolveSibling("registry-0011.schema-digest");
    }

    @Test
    void theDigestIsTheTextsSha256AndIsRememberedByTheSettledStamp() {
        FileStamp stamp = FileStamp.of(schema);

        assertEquals(ValidationCache.digest(TEXT), SchemaDigest.besideCache(cacheFile, later).of(schema, stamp, TEXT));
        assertTrue(Files.isRegularFile(memo()));
        assertEquals(ValidationCache.digest(TEXT), SchemaDigest.besideCache(cacheFile, later).of(schema, stamp, EDITED),
                "the same stamp: the remembered digest, the text not hashed");
    }

    @Test
    void aSchemaWhoseStampMovedIsHashedAgain() throws Exception {
        SchemaDigest.besideCache(cacheFile, later).of(schema, FileStamp.of(schema), TEXT);
        RacyEdits.rewriteUntilStampMoves(schema, new String(EDITED, StandardCharsets.UTF_8));

        assertEquals(ValidationCache.digest(EDITED), SchemaDigest.besideCache(cacheFile, later).of(schema, FileStamp.of(schema), EDITED));
    }

    @Test
    void aStampNotYetSettledIsNotRemembered() throws IOException {
        assertEquals(ValidationCache.digest(TEXT),
                SchemaDigest.besideCache(cacheFile, System.currentTimeMillis()).of(schema, FileStamp.of(schema), TEXT));
        assertFalse(Files.exists(memo()), "a file written in this clock tick may change again without its stamp moving");
    }

    @Test
    void aDamagedMemoOrNoneAtAllMeansHashing() throws IOException {
        FileStamp stamp = FileStamp.of(schema);
        SchemaDigest.besideCache(cacheFile, later).of(schema, stamp, TEXT);
        String memo = Files.readString(memo());
        Files.writeString(memo(), memo.substring(0, memo.length() - 5) + "\n");

        assertEquals(ValidationCache.digest(EDITED), SchemaDigest.besideCache(cacheFile, later).of(schema, stamp, EDITED));
        assertEquals(ValidationCache.digest(EDITED), SchemaDigest.none().of(schema, stamp, EDITED));
        assertEquals(ValidationCache.digest(EDITED), SchemaDigest.besideCache(cacheFile, later).of(schema, null, EDITED));
    }
}
