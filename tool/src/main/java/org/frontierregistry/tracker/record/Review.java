package org.frontierregistry.tracker.record;

import java.time.LocalDate;

/** Whether and when a person checked the record. */
public record Review(boolean verified, String by, LocalDate date, String notes) {
}
