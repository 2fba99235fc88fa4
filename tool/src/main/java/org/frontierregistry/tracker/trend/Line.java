package org.frontierregistry.tracker.trend;

/** A fitted straight line, value = intercept + slope × years since 2020-01-01 (in log units). */
record Line(double intercept, double slope) {
    double at(double year) {
        return intercept + slope * year;
    }
}
