package org.frontierregistry.tracker.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.function.Function;
import java.nio.file.Path;
import org.frontierregistry.tracker.record.Problem;

/** Prints a {@link ValidationReport} for people (text), for GitHub Actions (workflow commands) or for tools (JSON). */
public final class ReportPrinter {
    public enum Format { text, github, json }

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
        }
        out.flush();
    }

    private void printText(ValidationReport report, PrintWriter out) {
        for (Problem p : report.problems()) {
            out.printf("%s:%d:%d: error: %s [%s]%n", display.apply(p.file()), p.line(), p.column(), p.message(), p.code());
            if (!p.hint().isEmpty()) {
                out.printf("    hint: %s%n", p.hint());
            }
        }
        if (report.clean()) {
            out.printf("OK: %d file%s checked, no problems.%n", report.filesChecked(), report.filesChecked() == 1 ? "" : "s");
        } else {
            out.printf("%d problem%s in %d of %d file%s checked.%n", report.problems().size(),
                    report.problems().size() == 1 ? "" : "s", report.filesWithProblems(), report.filesChecked(),
                    report.filesChecked() == 1 ? "" : "s");
        }
    }

    private void printGithub(ValidationReport report, PrintWriter out) {
        for (Problem p : report.problems()) {
            String message = p.message() + (p.hint().isEmpty() ? "" : ". " + p.hint());
            out.printf("::error file=%s,line=%d,col=%d,title=%s::%s%n", property(display.apply(p.file())), p.line(),
                    p.column(), property("tracker validate: " + p.code()), data(message));
        }
        out.printf("%d problem%s in %d file%s checked.%n", report.problems().size(), report.problems().size() == 1 ? "" : "s",
                report.filesChecked(), report.filesChecked() == 1 ? "" : "s");
    }

    private void printJson(ValidationReport report, PrintWriter out) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("files_checked", report.filesChecked());
        root.put("ok", report.clean());
        ArrayNode problems = root.putArray("problems");
        for (Problem p : report.problems()) {
            ObjectNode node = problems.addObject();
            node.put("file", display.apply(p.file()));
            node.put("line", p.line());
            node.put("column", p.column());
            node.put("code", p.code());
            node.put("message", p.message());
            node.put("hint", p.hint());
        }
        try {
            out.println(mapper.writeValueAsString(root).replace("\r\n", "\n"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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
