package org.frontierregistry.tracker.validate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.frontierregistry.tracker.record.LoadedRecord;
import org.frontierregistry.tracker.record.ModelRecord;
import org.frontierregistry.tracker.record.Problem;
import org.frontierregistry.tracker.record.RecordSet;

/** Dates in a record (publication, review, source access) are not in the future. */
public final class DatesCheck implements RecordCheck {
    private final Clock clock;

    public DatesCheck(Clock clock) {
        this.clock = clock;
    }

    @Override
    public List<Problem> check(RecordSet records) {
        LocalDate today = LocalDate.now(clock);
        List<Problem> problems = new ArrayList<>();
        for (LoadedRecord loaded : records.reported()) {
            ModelRecord r = loaded.record();
            future(loaded, "/publication_date", r.publicationDate(), today, problems);
            if (r.review() != null) {
                future(loaded, "/review/date", r.review().date(), today, problems);
            }
            for (int i = 0; i < r.sources().size(); i++) {
                future(loaded, "/sources/" + i + "/accessed", r.sources().get(i).accessed(), today, problems);
            }
        }
        return problems;
    }

    private static void future(LoadedRecord loaded, String pointer, LocalDate date, LocalDate today, List<Problem> out) {
        if (date != null && date.isAfter(today)) {
            out.add(new Problem(loaded.file(), loaded.document().valueLocation(pointer), "future-date",
                    pointer.substring(1).replace('/', '.') + " " + date + " is in the future (today is " + today + ")",
                    "Check the year and the month/day order: dates are YYYY-MM-DD."));
        }
    }
}
