package org.frontierregistry.tracker.publish.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Example;

class HtmlTextTest {
    private static String text(String text) {
        StringBuilder out = new StringBuilder("<p>");
        HtmlText.text(out, text);
        return out.substring(3);
    }

    @Example
    void markupCharactersBecomeEntitiesAndBlankRunsOneSpace() {
        assertEquals("a &lt;b&gt; &amp; c", text("a <b> & c"));
        assertEquals(" one two three ", text("\n one \t\r\n two  three\f"));
        assertEquals("10²⁵ – 1e+26&nbsp;FLOP", text("10²⁵ – 1e+26\u00a0FLOP"));
        assertEquals("", text(""));
        assertEquals(" ", text("  "));
    }

    @Example
    void attributeValuesEscapeQuotesToo() {
        StringBuilder out = new StringBuilder("<a");
        HtmlText.attribute(out, "title", "say \"hi\" & <go>\u00a0now");
        assertEquals("<a title=\"say &quot;hi&quot; &amp; &lt;go&gt;&nbsp;now\"", out.toString());
    }

    @Example
    void textIsAppendedAfterWhatTheBuilderHolds() {
        StringBuilder out = new StringBuilder("<td>");
        HtmlText.text(out, "x & y");
        HtmlText.blockText(out, "  z  ");
        assertEquals("<td>x &amp; yz", out.toString());
    }
}
