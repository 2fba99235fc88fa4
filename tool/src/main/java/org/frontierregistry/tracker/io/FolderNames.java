package org.frontierregistry.tracker.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The names in a folder, read in one go ({@code File.list}): no path object and no look at each entry, which at
 * 10,000 records was most of the time of listing {@code models/} (docs/architecture.md, Speed).
 */
public final class FolderNames {
    private FolderNames() {
    }

    /** The names of the folder's entries, in no particular order; none when it is not a folder. */
    public static String[] of(Path folder) throws IOException {
        String[] names = folder.toFile().list();
        if (names == null) {
            if (Files.isDirectory(folder)) {
                throw new IOException("cannot list the folder " + folder);
            }
            return new String[0];
        }
        return names;
    }
}
