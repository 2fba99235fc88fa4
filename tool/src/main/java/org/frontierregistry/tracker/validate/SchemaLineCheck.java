package org.frontierregistry.tracker.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.frontierregistry.tracker.record.LoadedRecord;
import org.frontierregistry.tracker.record.Location;
import org.frontierregistry.tracker.record.Problem;
import org.frontierregistry.tracker.record.RecordSet;

/**
 * Every record starts with the yaml-language-server line that points editors at the schema, so a
 * contractor gets completion, hover help and errors while typing, whichever editor settings they have.
 */
public final class SchemaLineCheck implements RecordCheck {
    public static final String LINE = "# yaml-language-server: $schema=../schema/model.schema.json";
    /** Any relative path to the schema is accepted (test samples live deeper); the file name must match. */
    private static final Pattern ACCEPTED = Pattern.compile("# yaml-language-server: \\$schema=(\\.\\./)+schema/model\\.schema\\.json\\s*");

    @Override
    public List<Problem> check(RecordSet records) {
        List<Problem> problems = new ArrayList<>();
        for (LoadedRecord loaded : records.reported()) {
            String text = loaded.document().text();
            if (text.startsWith(LINE) && (text.startsWith("\n", LINE.length()) || text.startsWith("\r\n", LINE.length()))) {
                continue; // the usual line, exactly: no pattern needed
            }
            int end = text.indexOf('\n');
            String first = (end < 0 ? text : text.substring(0, end)).replace("\r", "");
            if (!ACCEPTED.matcher(first).matches()) {
                problems.add(new Problem(loaded.file(), new Location(1, 1), "missing-schema-line",
                        "the first line must be the editor's schema line",
                        "Make the first line exactly: " + LINE + " (it gives your editor completion and inline errors)."));
            }
        }
        return problems;
    }
}
