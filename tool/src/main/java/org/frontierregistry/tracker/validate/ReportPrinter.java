package org.frontierregistry.tracker.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.frontierregistry.tracker.record.Problem;

/**
 * Prints a {@link ValidationReport} for people (text), for GitHub Actions (workflow commands), for tools
 * (JSON) or for a pull-request comment (Markdown). Errors and warnings appear in file and line order; every
 * format ends with, or carries, the same summary line ({@link ValidationReport#summary()}).
 */
public final class ReportPrinter {
    public enum Format { text, github, json, markdown }

    private final Function<Path, String> display;

    /** @param display how a file is shown (relative to the registry root, so GitHub can place annotations) */
    public ReportPrinter(Function<Path, String> display) {
        this.display = display;
    }

    public void print(ValidationReport report, Format format, PrintWriter out) {
        switch (format) {
            case text -> printText(report, out);
            case github -> printGithub(report, out);
            case json -> printJson(report, out);
            case markdown -> printMarkdown(report, out);
        }
        out.flush();
    }

    private void printText(ValidationReport report, PrintWriter out) {
        for (Problem p : report.all()) {
            out.printf("%s:%d:%d: %s: %s [%s]%n", display.apply(p.file()), p.line(), p.column(), p.severity(), p.message(), p.code());
            if (!p.hint().isEmpty()) {
                out.printf("    hint: %s%n", p.hint());
            }
        }
        out.println(report.summary());
    }

    private void printGithub(ValidationReport report, PrintWriter out) {
        for (Problem p : report.all()) {
            String message = p.message() + (p.hint().isEmpty() ? "" : ". " + p.hint());
            out.printf("::%s file=%s,line=%d,col=%d,title=%s::%s%n", p.severity(), property(display.apply(p.file())), p.line(),
                    p.column(), property("tracker validate: " + p.code()), data(message));
        }
        out.println(report.summary());
    }

    private void printJson(ValidationReport report, PrintWriter out) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("files_checked", report.filesChecked());
        root.put("ok", report.clean());
        root.put("summary", report.summary());
        entries(root.putArray("problems"), report.problems());
        entries(root.putArray("warnings"), report.warnings());
        try {
            out.println(mapper.writeValueAsString(root).replace("\r\n", "\n"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void entries(ArrayNode array, List<Problem> problems) {
        for (Problem p : problems) {
            ObjectNode node = array.addObject();
            node.put("file", display.apply(p.file()));
            node.put("line", p.line());
            node.put("column", p.column());
            node.put("severity", p.severity().name());
            node.put("code", p.code());
            node.put("message", p.message());
            node.put("hint", p.hint());
        }
    }

    /** A section of the pull-request comment: the summary, then one list item per error or warning. */
    private void printMarkdown(ValidationReport report, PrintWriter out) {
        out.println("#### Checks");
        out.println();
        out.println(report.summary());
        if (!report.all().isEmpty()) {
            out.println();
        }
        for (Problem p : report.all()) {
            out.printf("- **%s** `%s` line %d: %s (`%s`)%s%n", p.severity(), display.apply(p.file()), p.line(), markdown(p.message()),
                    p.code(), p.hint().isEmpty() ? "" : "<br>" + markdown(p.hint()));
        }
    }

    /** Record text in a message may hold markup: keep it from opening HTML tags or breaking the list item. */
    private static String markdown(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", " ").replace("\n", " ");
    }

    /** Escaping of GitHub workflow command data (the message). */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escaping of GitHub workflow command properties (file, title). */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
