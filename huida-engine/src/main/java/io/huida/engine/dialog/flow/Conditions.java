package io.huida.engine.dialog.flow;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Parses the conditions of flow files ({@code when:}), e.g. {@code fault == 无法上网 and customer.vip == true}.
 *
 * <p>Grammar: a comparison is {@code variable == value}, {@code !=}, {@code in [v1, v2]}, {@code not in [...]},
 * the numeric {@code <}, {@code <=}, {@code >}, {@code >=}, or {@code variable is set} / {@code is empty}
 * ({@code is not set}, {@code is not empty}); comparisons combine with {@code and}, {@code or}, {@code not} and
 * parentheses ({@code not} binds tightest, then {@code and}, then {@code or}). Values are bare words (Chinese
 * allowed) or quoted with {@code '…'} or {@code "…"}. Equality ignores case and surrounding blanks and compares
 * numbers by value ({@code 100 == 100.00}); a missing variable is neither equal to anything nor in any list, and
 * an ordering comparison with a missing or non-numeric value is false.
 */
public final class Conditions {

    private static final Pattern VARIABLE = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "is", "set", "empty");
    private static final String SYMBOLS = "()[],=!<>'\"";

    private Conditions() {
    }

    /**
     * Parses {@code source}; a blank source is {@link Condition#ALWAYS}.
     *
     * @throws IllegalArgumentException naming the position (1-based) of the first error
     */
    public static Condition parse(String source) {
        Objects.requireNonNull(source, "source");
        if (source.isBlank()) {
            return Condition.ALWAYS;
        }
        Parser parser = new Parser(source, tokenize(source));
        Predicate<Map<String, String>> predicate = parser.expression();
        if (!parser.atEnd()) {
            throw parser.error("unexpected '" + parser.peek().text + "'");
        }
        return new Parsed(source.strip(), predicate, Collections.unmodifiableSet(parser.variables));
    }

    private record Parsed(String source, Predicate<Map<String, String>> predicate, Set<String> variables)
            implements Condition {
        @Override
        public boolean test(Map<String, String> values) {
            return predicate.test(values);
        }

        @Override
        public String toString() {
            return source;
        }
    }

    private enum Kind { WORD, QUOTED, SYMBOL, END }

    private record Token(Kind kind, String text, int position) {
    }

    private static List<Token> tokenize(String s) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'' || c == '"') {
                int close = s.indexOf(c, i + 1);
                if (close < 0) {
                    throw new IllegalArgumentException("condition '" + s.strip() + "': unclosed quote at position " + (i + 1));
                }
                tokens.add(new Token(Kind.QUOTED, s.substring(i + 1, close), i + 1));
                i = close + 1;
            } else if (SYMBOLS.indexOf(c) >= 0) {
                boolean two = i + 1 < s.length() && s.charAt(i + 1) == '=' && "=!<>".indexOf(c) >= 0;
                String op = s.substring(i, i + (two ? 2 : 1));
                if (op.equals("=") || op.equals("!")) {
                    throw new IllegalArgumentException("condition '" + s.strip() + "': unknown operator '" + op
                            + "' at position " + (i + 1) + " (use == or !=)");
                }
                tokens.add(new Token(Kind.SYMBOL, op, i + 1));
                i += op.length();
            } else {
                int start = i;
                while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && SYMBOLS.indexOf(s.charAt(i)) < 0) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, s.substring(start, i), start + 1));
            }
        }
        tokens.add(new Token(Kind.END, "end", s.length() + 1));
        return tokens;
    }

    private static final class Parser {
        private final String source;
        private final List<Token> tokens;
        private final Set<String> variables = new LinkedHashSet<>();
        private int next;

        Parser(String source, List<Token> tokens) {
            this.source = source;
            this.tokens = tokens;
        }

        Predicate<Map<String, String>> expression() {
            Predicate<Map<String, String>> left = conjunction();
            while (keyword("or")) {
                left = left.or(conjunction());
            }
            return left;
        }

        private Predicate<Map<String, String>> conjunction() {
            Predicate<Map<String, String>> left = unary();
            while (keyword("and")) {
                left = left.and(unary());
            }
            return left;
        }

        private Predicate<Map<String, String>> unary() {
            if (keyword("not")) {
                return unary().negate();
            }
            if (symbol("(")) {
                Predicate<Map<String, String>> inner = expression();
                expect(")");
                return inner;
            }
            return comparison();
        }

        private Predicate<Map<String, String>> comparison() {
            Token name = take();
            if (name.kind != Kind.WORD || !VARIABLE.matcher(name.text).matches() || KEYWORDS.contains(name.text)) {
                throw error(name, "expected a variable name, got '" + name.text + "'");
            }
            String variable = name.text;
            variables.add(variable);
            if (keyword("is")) {
                boolean negated = keyword("not");
                boolean set;
                if (keyword("set")) {
                    set = true;
                } else if (keyword("empty")) {
                    set = false;
                } else {
                    throw error("expected 'set' or 'empty' after 'is'");
                }
                boolean wantSet = set != negated;
                return vars -> isSet(vars.get(variable)) == wantSet;
            }
            if (keyword("in")) {
                List<String> list = list();
                return vars -> in(vars.get(variable), list);
            }
            if (keyword("not")) {
                if (!keyword("in")) {
                    throw error("expected 'in' after 'not'");
                }
                List<String> list = list();
                return vars -> !in(vars.get(variable), list);
            }
            Token op = take();
            if (op.kind != Kind.SYMBOL || !List.of("==", "!=", "<", "<=", ">", ">=").contains(op.text)) {
                throw error(op, "expected an operator (==, !=, in, not in, <, <=, >, >=, is set, is empty) after '"
                        + variable + "', got '" + op.text + "'");
            }
            Token value = value();
            return switch (op.text) {
                case "==" -> vars -> equal(vars.get(variable), value.text);
                case "!=" -> vars -> !equal(vars.get(variable), value.text);
                default -> ordering(variable, op.text, value);
            };
        }

        private Predicate<Map<String, String>> ordering(String variable, String op, Token value) {
            BigDecimal bound = number(value.text);
            if (bound == null) {
                throw error(value, "expected a number after '" + op + "', got '" + value.text + "'");
            }
            return vars -> {
                BigDecimal actual = number(vars.get(variable));
                if (actual == null) {
                    return false;
                }
                int c = actual.compareTo(bound);
                return switch (op) {
                    case "<" -> c < 0;
                    case "<=" -> c <= 0;
                    case ">" -> c > 0;
                    default -> c >= 0;
                };
            };
        }

        private List<String> list() {
            expect("[");
            List<String> values = new ArrayList<>();
            do {
                values.add(value().text);
            } while (symbol(","));
            expect("]");
            return List.copyOf(values);
        }

        private Token value() {
            Token t = take();
            if (t.kind == Kind.QUOTED || (t.kind == Kind.WORD && !KEYWORDS.contains(t.text))) {
                return t;
            }
            throw error(t, "expected a value, got '" + t.text + "'");
        }

        private boolean keyword(String word) {
            if (peek().kind == Kind.WORD && peek().text.equals(word)) {
                next++;
                return true;
            }
            return false;
        }

        private boolean symbol(String s) {
            if (peek().kind == Kind.SYMBOL && peek().text.equals(s)) {
                next++;
                return true;
            }
            return false;
        }

        private void expect(String s) {
            if (!symbol(s)) {
                throw error("expected '" + s + "', got '" + peek().text + "'");
            }
        }

        Token peek() {
            return tokens.get(next);
        }

        private Token take() {
            Token t = peek();
            if (t.kind != Kind.END) {
                next++;
            }
            return t;
        }

        boolean atEnd() {
            return peek().kind == Kind.END;
        }

        IllegalArgumentException error(String what) {
            return error(peek(), what);
        }

        private IllegalArgumentException error(Token at, String what) {
            return new IllegalArgumentException("condition '" + source.strip() + "': " + what + " at position " + at.position);
        }
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    private static boolean in(String value, List<String> list) {
        return list.stream().anyMatch(v -> equal(value, v));
    }

    private static boolean equal(String actual, String expected) {
        if (actual == null) {
            return false;
        }
        String a = actual.strip();
        String e = expected.strip();
        if (a.equalsIgnoreCase(e)) {
            return true;
        }
        BigDecimal x = number(a);
        BigDecimal y = number(e);
        return x != null && y != null && x.compareTo(y) == 0;
    }

    private static BigDecimal number(String s) {
        if (s == null || s.isBlank() || s.length() > 40) {
            return null;
        }
        try {
            return new BigDecimal(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
