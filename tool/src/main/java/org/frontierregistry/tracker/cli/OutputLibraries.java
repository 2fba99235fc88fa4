package org.frontierregistry.tracker.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.frontierregistry.tracker.concurrent.Background;
import org.jsoup.nodes.Document;

/**
 * Sets up the libraries that write a build's outputs on a thread of its own, started before picocli reads the
 * command line: Jackson's first mapper (its date formats load the locale data), the English month names of the
 * site's dates, and jsoup's entity tables were a tenth of a build of the repository, all on one thread while the
 * second core waited; and Java's SHA-256 (20-30 ms to set up), which a build's last-build record needs and an
 * unchanged registry's validation no longer sets up first. Only library classes are touched here, never the
 * tool's own, so the class initialisation this thread runs cannot wait on one the main thread holds.
 */
final class OutputLibraries {
    private OutputLibraries() {
    }

    static void prepareInBackground() {
        Background.start("tracker-prepare-outputs", OutputLibraries::prepare);
    }

    private static void prepare() {
        try {
            new ObjectMapper().createObjectNode().put("ready", true).toString();
            DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH).format(java.time.LocalDate.of(2020, 1, 1));
            new Document("").appendElement("p").text("ready & set").outerHtml();
            java.security.MessageDigest.getInstance("SHA-256").digest(new byte[64]); // the last build's record names its inputs by one
        } catch (RuntimeException | LinkageError | java.security.NoSuchAlgorithmException e) {
            // Only time is lost: the command sets them up itself when it gets there.
        }
    }
}
