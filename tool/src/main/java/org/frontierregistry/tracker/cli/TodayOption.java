package org.frontierregistry.tracker.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Option;

/**
 * A hidden {@code --today DATE} that fixes what "today" means (review dates, the months stats looks back
 * over), so tests and the documented examples give the same answer on any day.
 */
public class TodayOption {
    @Option(names = "--today", hidden = true, paramLabel = "DATE", description = "Pretend today is DATE (for tests and reproducible examples).")
    String today;

    public Clock clock() {
        if (today == null) {
            return Clock.systemUTC();
        }
        try {
            return Clock.fixed(LocalDate.parse(today.strip()).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(12 * 3600),
                    ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw TrackerException.usage("--today expects a date as YYYY-MM-DD, not '" + today + "'");
        }
    }
}
