package org.frontierregistry.tracker.record;

import java.time.LocalDate;

/** A public source backing a record's facts. */
public record Source(String id, String url, String title, LocalDate accessed) {
}
