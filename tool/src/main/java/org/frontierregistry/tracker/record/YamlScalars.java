package org.frontierregistry.tracker.record;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Renders Java values as YAML text the way a person would write them in a record. */
public final class YamlScalars {
    private static final Pattern SAFE_PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9 ._/()+-]*[A-Za-z0-9._)+]|[A-Za-z]");
    private static final Pattern RESERVED = Pattern.compile(
            "(?i)(true|false|yes|no|on|off|null|~|y|n|[-+]?[0-9._]+([eE][-+]?[0-9]+)?|[-+]?\\.inf|\\.nan)");

    private YamlScalars() {
    }

    public static String render(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Boolean b) {
            return b.toString();
        }
        if (value instanceof Number n) {
            return number(n);
        }
        if (value instanceof LocalDate d) {
            return d.toString();
        }
        if (value instanceof Enum<?> e) {
            return render(e.toString());
        }
        if (value instanceof List<?> list) {
            return list.stream().map(YamlScalars::render).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream()
                    .map(e -> render(e.getKey().toString()) + ": " + render(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return string(value.toString());
    }

    /** Whole numbers below 1e15 in full; others in the short scientific form records use (3.79e25). */
    static String number(Number n) {
        if (n instanceof Integer || n instanceof Long) {
            return n.toString();
        }
        double d = n.doubleValue();
        BigDecimal exact = Scientific.clean(d);
        if (exact.scale() <= 0 && Math.abs(d) < 1e15) {
            return exact.toBigInteger().toString();
        }
        if (Math.abs(d) >= 1e-3 && Math.abs(d) < 1e15) {
            return exact.toPlainString();
        }
        return Scientific.of(d);
    }

    static String string(String s) {
        if (SAFE_PLAIN.matcher(s).matches() && !RESERVED.matcher(s).matches() && !s.contains(" #")
                && !s.contains(": ")) {
            return s;
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                default -> quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
