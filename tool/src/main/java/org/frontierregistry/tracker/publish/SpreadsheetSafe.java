package org.frontierregistry.tracker.publish;

/**
 * Neutralises text that a spreadsheet would run as a formula (CSV injection): a cell starting with
 * = + - @ (or a tab or carriage return) gets a leading apostrophe, which spreadsheets show as text.
 */
public final class SpreadsheetSafe {
    private SpreadsheetSafe() {
    }

    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + value;
        }
        return value;
    }
}
