package io.huida.engine.dialog.flow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Fills the {@code {variable}} placeholders of flow texts, URLs and bodies.
 *
 * <p>A placeholder is a variable name ({@code [a-z][a-z0-9_]*}, optionally dotted as in {@code customer.name}) in
 * braces. {@code {{} and {@code }}} stand for literal braces; any other brace that does not form a placeholder is
 * kept as it is (so a JSON body's own braces need no escaping unless they are doubled). A variable that is missing
 * renders as the empty string — flow files are checked at import so that every placeholder names a variable that
 * can exist.
 */
public final class Templates {

    private Templates() {
    }

    /** {@code template} with every placeholder replaced by its variable's value (missing: empty). */
    public static String render(String template, Map<String, String> variables) {
        return render(template, variables, UnaryOperator.identity());
    }

    /**
     * {@code template} with every placeholder replaced by its variable's value passed through {@code encoder}
     * (URL encoding, JSON escaping); a missing variable renders as the empty string.
     */
    public static String render(String template, Map<String, String> variables, UnaryOperator<String> encoder) {
        Objects.requireNonNull(variables, "variables");
        Objects.requireNonNull(encoder, "encoder");
        StringBuilder out = new StringBuilder(template.length() + 16);
        scan(template, out::append, name -> {
            String value = variables.get(name);
            out.append(value == null ? "" : encoder.apply(value));
        });
        return out.toString();
    }

    /** The distinct variable names of {@code template}'s placeholders, in order of first use. */
    public static List<String> placeholders(String template) {
        Set<String> names = new LinkedHashSet<>();
        scan(template, c -> { }, names::add);
        return new ArrayList<>(names);
    }

    private interface CharSink {
        void accept(char c);
    }

    private interface NameSink {
        void accept(String name);
    }

    private static void scan(String template, CharSink text, NameSink placeholder) {
        Objects.requireNonNull(template, "template");
        int i = 0;
        int n = template.length();
        while (i < n) {
            char c = template.charAt(i);
            if ((c == '{' || c == '}') && i + 1 < n && template.charAt(i + 1) == c) {
                text.accept(c);
                i += 2;
            } else if (c == '{') {
                int end = nameEnd(template, i + 1);
                if (end > i + 1 && end < n && template.charAt(end) == '}') {
                    placeholder.accept(template.substring(i + 1, end));
                    i = end + 1;
                } else {
                    text.accept(c);
                    i++;
                }
            } else {
                text.accept(c);
                i++;
            }
        }
    }

    /** The end of a variable name starting at {@code start} ({@code start} itself when there is none). */
    private static int nameEnd(String s, int start) {
        int i = start;
        boolean segmentStart = true;
        while (i < s.length()) {
            char c = s.charAt(i);
            boolean lower = c >= 'a' && c <= 'z';
            boolean ok = segmentStart ? lower : lower || (c >= '0' && c <= '9') || c == '_' || c == '.';
            if (!ok) {
                break;
            }
            segmentStart = c == '.';
            i++;
        }
        return segmentStart && i > start ? start : i;
    }

    /** A value for inside a JSON string: quotes, backslashes and control characters escaped. */
    static String jsonEscape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
