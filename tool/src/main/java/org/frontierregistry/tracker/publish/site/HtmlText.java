package org.frontierregistry.tracker.publish.site;

/**
 * Escaping for HTML written as text, the way jsoup writes the rest of the page (base entities, pretty print):
 * in text {@code & < >} and the no-break space become entities and runs of blanks one space; in attribute
 * values {@code " &} and {@code < >} too. Record text can therefore never become markup.
 */
final class HtmlText {
    private HtmlText() {
    }

    /** Appends {@code text} as element content; blanks (space, tab, line ends) collapse to one space. */
    static void text(StringBuilder out, String text) {
        boolean blank = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                blank = true;
                continue;
            }
            if (blank) {
                out.append(' ');
                blank = false;
            }
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\u00a0' -> out.append("&nbsp;");
                default -> out.append(c);
            }
        }
        if (blank) {
            out.append(' ');
        }
    }

    /** Appends {@code text} as content that starts and ends a block: without its leading and trailing blanks. */
    static void blockText(StringBuilder out, String text) {
        text(out, text.strip());
    }

    /** Appends {@code name="value"} with a leading space, the value escaped for a double-quoted attribute. */
    static void attribute(StringBuilder out, String name, String value) {
        out.append(' ').append(name).append("=\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\u00a0' -> out.append("&nbsp;");
                default -> out.append(c);
            }
        }
        out.append('"');
    }
}
