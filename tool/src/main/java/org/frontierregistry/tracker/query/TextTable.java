package org.frontierregistry.tracker.query;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table that fits a terminal: columns two spaces apart, numbers aligned right, and when
 * the rows are too wide the widest text columns are trimmed with an ellipsis until the table fits.
 */
public final class TextTable {
    public static final int TERMINAL_WIDTH = 80;
    private static final String ELLIPSIS = "…";
    private static final int GAP = 2;

    private final List<String> headers;
    private final List<Boolean> rightAligned;
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(List<String> headers, List<Boolean> rightAligned) {
        this.headers = List.copyOf(headers);
        this.rightAligned = List.copyOf(rightAligned);
    }

    public TextTable row(List<String> cells) {
        rows.add(List.copyOf(cells));
        return this;
    }

    public String render(int width) {
        int n = headers.size();
        int[] widths = new int[n];
        for (int c = 0; c < n; c++) {
            widths[c] = length(headers.get(c));
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], length(row.get(c)));
            }
        }
        shrinkToFit(widths, width);
        StringBuilder out = new StringBuilder();
        line(out, headers, widths);
        List<String> rules = new ArrayList<>();
        for (int w : widths) {
            rules.add("-".repeat(w));
        }
        line(out, rules, widths);
        for (List<String> row : rows) {
            line(out, row, widths);
        }
        return out.toString();
    }

    private void shrinkToFit(int[] widths, int width) {
        int total = GAP * (widths.length - 1);
        for (int w : widths) {
            total += w;
        }
        while (total > width) {
            int widest = -1;
            for (int c = 0; c < widths.length; c++) {
                if (!rightAligned.get(c) && widths[c] > minimum(c) && (widest < 0 || widths[c] > widths[widest])) {
                    widest = c;
                }
            }
            if (widest < 0) {
                return;
            }
            widths[widest]--;
            total--;
        }
    }

    private int minimum(int column) {
        return Math.max(6, length(headers.get(column)));
    }

    private void line(StringBuilder out, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String cell = fit(cells.get(c), widths[c]);
            String pad = " ".repeat(widths[c] - length(cell));
            if (c > 0) {
                line.append(" ".repeat(GAP));
            }
            line.append(rightAligned.get(c) ? pad + cell : cell + pad);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static String fit(String cell, int width) {
        String oneLine = cell.replace('\n', ' ');
        if (length(oneLine) <= width) {
            return oneLine;
        }
        int keep = oneLine.offsetByCodePoints(0, width - 1);
        return oneLine.substring(0, keep).stripTrailing() + ELLIPSIS;
    }

    static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
