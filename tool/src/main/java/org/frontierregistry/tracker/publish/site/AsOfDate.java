package org.frontierregistry.tracker.publish.site;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.record.Provenance;
import org.frontierregistry.tracker.record.Source;

/**
 * The "as of" date of a build when none is given: the newest date written in the records (publication,
 * review, source access and scrape dates). The wall clock is never read, so rebuilding the same records
 * gives the same page.
 */
public final class AsOfDate {
    private AsOfDate() {
    }

    public static Optional<LocalDate> newestIn(List<ModelRecord> records) {
        List<LocalDate> dates = new ArrayList<>();
        for (ModelRecord r : records) {
            dates.add(r.publicationDate());
            if (r.review() != null) {
                dates.add(r.review().date());
            }
            r.sources().stream().map(Source::accessed).forEach(dates::add);
            if (r.provenance() != null) {
                r.provenance().scrapedFrom().stream().map(Provenance.ScrapedEntry::seen).forEach(dates::add);
            }
        }
        return dates.stream().filter(Objects::nonNull).max(Comparator.naturalOrder());
    }
}
