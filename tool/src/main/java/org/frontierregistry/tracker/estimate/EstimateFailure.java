package org.frontierregistry.tracker.estimate;

/**
 * An estimate of a record that could not be computed.
 *
 * @param pointer JSON Pointer into the record where the problem is (e.g. .../estimates/2/inputs/chip)
 */
public record EstimateFailure(int index, String pointer, String message, String hint) {
}
