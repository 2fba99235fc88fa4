package org.frontierregistry.tracker.trend;

import java.time.LocalDate;

/** A calendar quarter, such as 2024-Q3 (July to September 2024). */
public record Quarter(int year, int number) implements Comparable<Quarter> {
    public Quarter {
        if (number < 1 || number > 4) {
            throw new IllegalArgumentException("a quarter is numbered 1 to 4, not " + number);
        }
    }

    public static Quarter of(LocalDate date) {
        return new Quarter(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, (number - 1) * 3 + 1, 1);
    }

    public LocalDate lastDay() {
        return plus(1).firstDay().minusDays(1);
    }

    public Quarter plus(int quarters) {
        int index = year * 4 + (number - 1) + quarters;
        return new Quarter(Math.floorDiv(index, 4), Math.floorMod(index, 4) + 1);
    }

    /** How many quarters from this one to {@code other} (negative when other is earlier). */
    public int until(Quarter other) {
        return (other.year * 4 + other.number) - (year * 4 + number);
    }

    /** The middle of the quarter, in years since 2020-01-01: the time a quarter's count is fitted at. */
    public double midYear() {
        return (Years.since(firstDay()) + Years.since(lastDay().plusDays(1))) / 2;
    }

    @Override
    public int compareTo(Quarter other) {
        return Integer.compare(year * 4 + number, other.year * 4 + other.number);
    }

    @Override
    public String toString() {
        return year + "-Q" + number;
    }
}
