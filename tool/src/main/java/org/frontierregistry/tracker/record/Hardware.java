package org.frontierregistry.tracker.record;

/** The accelerators a model was trained on. */
public record Hardware(String chip, Integer count, Double hours) {
}
