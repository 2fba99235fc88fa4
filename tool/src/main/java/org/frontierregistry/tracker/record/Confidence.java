package org.frontierregistry.tracker.record;

/** Epoch AI's confidence levels for a compute estimate (see docs/methodology.md for the spreads). */
public enum Confidence {
    Confident, Likely, Speculative
}
