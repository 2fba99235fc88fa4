package org.frontierregistry.tracker.scrape;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Small text helpers the sources share: lists in cells, dates, numbers for people, Epoch's vocabularies. */
public final class SourceText {
    public static final Set<String> DOMAINS = Set.of("Language", "Vision", "Multimodal", "Video", "Image generation",
            "Speech", "Audio", "Biology", "Robotics", "Mathematics", "Games", "Other");
    public static final Set<String> ACCESSIBILITY = Set.of("Open weights (unrestricted)", "Open weights (restricted use)",
            "Open weights (non-commercial)", "API access", "Hosted access (no API)", "Unreleased");
    public static final Set<String> CONFIDENCE = Set.of("Confident", "Likely", "Speculative");

    private SourceText() {
    }

    public static List<String> splitList(String cell) {
        if (cell == null) {
            return List.of();
        }
        return Arrays.stream(cell.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    }

    public static LocalDate date(String cell) {
        if (cell == null) {
            return null;
        }
        try {
            return LocalDate.parse(cell.length() > 10 ? cell.substring(0, 10) : cell);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** 3.8e25 → "3.8e25"; 405000000000 → "405e9": numbers as records write them. */
    public static String sci(double value) {
        String s = String.format(Locale.ROOT, "%.3g", value);
        if (!s.contains("e")) {
            s = String.format(Locale.ROOT, "%.2e", value);
        }
        String[] parts = s.split("e");
        String mantissa = parts[0].contains(".") ? parts[0].replaceAll("0+$", "").replaceAll("\\.$", "") : parts[0];
        return mantissa + "e" + Integer.parseInt(parts[1]);
    }

    /** The first {@code max} characters of a note, on one line. */
    public static String excerpt(String text, int max) {
        if (text == null) {
            return null;
        }
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() <= max ? flat : flat.substring(0, max - 1).trim() + "…";
    }
}
