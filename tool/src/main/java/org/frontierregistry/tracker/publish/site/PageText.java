package org.frontierregistry.tracker.publish.site;

import java.io.IOException;
import java.io.Writer;

/**
 * Passes jsoup's output to a writer as {@link SitePage#render} shapes it: without leading and trailing
 * whitespace (jsoup trims a page it returns as a string), with CRLF as LF, ending in one newline.
 * Whitespace is held back until something follows it, so nothing is buffered but a run of blanks.
 */
final class PageText implements Appendable {
    private final Writer out;
    private final StringBuilder blanks = new StringBuilder();
    private boolean started;

    PageText(Writer out) {
        this.out = out;
    }

    @Override
    public Appendable append(CharSequence text) throws IOException {
        return append(text, 0, text.length());
    }

    @Override
    public Appendable append(CharSequence text, int start, int end) throws IOException {
        int visible = start;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c <= ' ') {
                if (i > visible) {
                    write(text, visible, i);
                }
                if (started) {
                    blanks.append(c);
                }
                visible = i + 1;
            }
        }
        if (end > visible) {
            write(text, visible, end);
        }
        return this;
    }

    @Override
    public Appendable append(char c) throws IOException {
        return append(String.valueOf(c), 0, 1);
    }

    /** Text without blanks: the blanks held before it go out first. */
    private void write(CharSequence text, int start, int end) throws IOException {
        if (blanks.length() > 0) {
            out.write(blanks.toString().replace("\r\n", "\n"));
            blanks.setLength(0);
        }
        started = true;
        if (text instanceof String s) {
            out.write(s, start, end - start);
        } else {
            out.append(text, start, end);
        }
    }

    /** Ends the page: trailing whitespace dropped, one newline. */
    void finish() throws IOException {
        blanks.setLength(0);
        out.write('\n');
    }
}
