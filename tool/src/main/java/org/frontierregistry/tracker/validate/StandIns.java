package org.frontierregistry.tracker.validate;

import java.nio.file.Path;
import org.frontierregistry.tracker.record.LoadedRecord;

/**
 * Records a validation of the whole registry may take as they are instead of reading their files, when their
 * content is the one named: a build that copies a record's rows from the last build needs no more of it than that
 * build kept. Such a record is a stand-in: it takes part in the checks across records as context, and is read in
 * full when a change can reach it.
 */
@FunctionalInterface
public interface StandIns {
    StandIns NONE = (file, digest) -> null;

    /** The stand-in for the record in {@code file} while its content has this digest; null to read the file. */
    LoadedRecord standIn(Path file, String digest);
}
