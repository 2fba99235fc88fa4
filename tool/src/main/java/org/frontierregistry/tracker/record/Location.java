package org.frontierregistry.tracker.record;

/** A 1-based line and column in a source file. */
public record Location(int line, int column) implements Comparable<Location> {
    public static final Location START = new Location(1, 1);

    @Override
    public int compareTo(Location other) {
        return line != other.line ? Integer.compare(line, other.line) : Integer.compare(column, other.column);
    }
}
