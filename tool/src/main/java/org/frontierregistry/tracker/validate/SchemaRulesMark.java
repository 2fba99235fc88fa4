package org.frontierregistry.tracker.validate;

import java.nio.file.Path;

/**
 * Remembers, beside the validation cache, which schema text this build of the tool last found to keep JSON Schema's
 * own rules ({@link SchemaValidator}). That check costs a fifth of a second (JSON Schema's rules are a schema of their
 * own, compiled first), so it runs once after each edit of the schema, not on every run that checks a record. A mark
 * that is missing, unreadable or for another schema or tool build only means the check runs again.
 */
public final class SchemaRulesMark {
    private static final String FORMAT = "tracker-schema-rules-1";

    private final Path file;
    private final String tool;

    private SchemaRulesMark(Path file, String tool) {
        this.file = file;
        this.tool = tool;
    }

    /** Remembers nothing: the rules are checked whenever the schema is compiled (tests, {@code --no-cache}). */
    public static SchemaRulesMark none() {
        return new SchemaRulesMark(null, "");
    }

    /** The mark kept beside the validation cache {@code cacheFile}, for this build of the tool. */
    public static SchemaRulesMark besideCache(Path cacheFile, String tool) {
        return new SchemaRulesMark(CacheMemo.besideCache(cacheFile, ".schema-rules"), tool);
    }

    /** Whether the schema whose text has this digest was found to keep the rules by this tool build. */
    boolean holds(String digest) {
        return file != null && line(digest).equals(CacheMemo.read(file));
    }

    /** Remembers that the schema whose text has this digest keeps the rules. A mark that cannot be written is skipped. */
    void remember(String digest) {
        if (file != null) {
            CacheMemo.write(file, line(digest));
        }
    }

    private String line(String digest) {
        return FORMAT + " tool=" + tool + " schema=" + digest + "\n";
    }
}
