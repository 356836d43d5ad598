package io.huida.engine.nlu.emotion;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The weighted cue table an {@link EmotionDetector} reads: words and phrases per emotion (Chinese and English),
 * negations, intensifiers, down-toners, sarcasm markers and contrast words.
 *
 * <p>The table has one cue a line, {@code cue<TAB>kind<TAB>weight}, {@code #} starting a comment. Cues are
 * normalised like messages (simplified Chinese, half-width, lower case); an English cue ending in {@code *}
 * matches any word with that prefix; a cue starting with {@code re:} is a regular expression over the
 * normalised, lower-cased message (for counts such as 第三次 or "fourth time") and adds evidence without
 * modifiers. The weight is required for evidence (a positive number up to 3), intensifiers (above 1) and
 * down-toners (below 1), and is left out for the other kinds. Instances are immutable and thread-safe.
 */
public final class EmotionLexicon {

    /** The resource name of the built-in table, next to this class. */
    public static final String BUILT_IN = "lexicon.tsv";

    private static final double MAX_WEIGHT = 3.0;
    private static final String PATTERN_PREFIX = "re:";

    /**
     * One cue: its tokens (the last one a prefix when {@code prefix}), kind and weight; a pattern cue has a
     * regular expression instead of tokens.
     */
    record Cue(String phrase, List<String> tokens, boolean prefix, CueKind kind, double weight, Pattern regex) {
    }

    /** A pattern cue found in a message, with the text it matched. */
    record PatternMatch(Cue cue, String text) {
    }

    /** A cue found in a message, covering tokens {@code start} (inclusive) to {@code end} (exclusive). */
    record Match(Cue cue, int start, int end) {
    }

    private static final EmotionLexicon BUILT_IN_LEXICON = fromResource(BUILT_IN);

    private final Map<String, List<Cue>> byFirstToken;
    private final List<Cue> patterns;
    private final int size;

    private EmotionLexicon(Map<String, List<Cue>> byFirstToken, List<Cue> patterns, int size) {
        this.byFirstToken = byFirstToken;
        this.patterns = patterns;
        this.size = size;
    }

    /** The built-in Chinese and English table. */
    public static EmotionLexicon builtIn() {
        return BUILT_IN_LEXICON;
    }

    /**
     * Reads a table from the classpath resource {@code name}, relative to this class.
     *
     * @throws IllegalArgumentException naming the resource when it is missing, and the line when it is malformed
     */
    public static EmotionLexicon fromResource(String name) {
        Objects.requireNonNull(name, "name");
        try (InputStream in = EmotionLexicon.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("lexicon resource '" + name + "' is not on the classpath next to "
                        + EmotionLexicon.class.getName());
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return parse(reader.lines().toList(), name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lexicon resource '" + name + "'", e);
        }
    }

    /**
     * Parses the lines of a table.
     *
     * @param lines  the table's lines
     * @param source the table's name for error messages
     * @throws IllegalArgumentException naming the source, line and bad value when a line is malformed, a cue is
     *                                  listed twice or the table has no evidence at all
     */
    public static EmotionLexicon parse(List<String> lines, String source) {
        Objects.requireNonNull(lines, "lines");
        Objects.requireNonNull(source, "source");
        Map<String, List<Cue>> byFirst = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        List<Cue> patterns = new ArrayList<>();
        int evidence = 0;
        int size = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line == null || line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String where = source + " line " + (i + 1) + ": ";
            Cue cue;
            try {
                cue = parseLine(line);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage(), e);
            }
            String key = cue.regex() != null ? cue.phrase()
                    : String.join(" ", cue.tokens()) + (cue.prefix() ? "*" : "");
            Integer previous = seen.putIfAbsent(key, i + 1);
            if (previous != null) {
                throw new IllegalArgumentException(where + "cue '" + cue.phrase() + "' is already listed on line "
                        + previous);
            }
            if (cue.regex() != null) {
                patterns.add(cue);
            } else {
                byFirst.computeIfAbsent(cue.tokens().get(0), k -> new ArrayList<>()).add(cue);
            }
            evidence += cue.kind().evidence() ? 1 : 0;
            size++;
        }
        if (evidence == 0) {
            throw new IllegalArgumentException(source + " has no evidence cues (angry, anxious, sad, satisfied, ...)");
        }
        Comparator<Cue> longestFirst = Comparator.comparingInt((Cue c) -> c.tokens().size()).reversed()
                .thenComparing(Cue::prefix);
        byFirst.replaceAll((k, cues) -> cues.stream().sorted(longestFirst).toList());
        return new EmotionLexicon(Map.copyOf(byFirst), List.copyOf(patterns), size);
    }

    private static Cue parseLine(String line) {
        String[] fields = line.split("\t", -1);
        if (fields.length < 2 || fields.length > 3) {
            throw new IllegalArgumentException("expected cue<TAB>kind[<TAB>weight], got " + fields.length
                    + " field(s) in '" + line + "'");
        }
        String phrase = fields[0].strip();
        if (phrase.isEmpty()) {
            throw new IllegalArgumentException("cue must not be blank");
        }
        CueKind kind = CueKind.parse(fields[1].strip());
        double weight = parseWeight(kind, fields.length == 3 ? fields[2].strip() : "");
        if (phrase.startsWith(PATTERN_PREFIX)) {
            return patternCue(phrase, kind, weight);
        }
        boolean prefix = phrase.endsWith("*");
        String body = prefix ? phrase.substring(0, phrase.length() - 1) : phrase;
        List<EmotionText.Token> tokens = EmotionText.tokenize(EmotionText.normalize(body));
        if (tokens.isEmpty() || tokens.stream().anyMatch(EmotionText.Token::boundary)) {
            throw new IllegalArgumentException("cue '" + phrase + "' must hold words and no punctuation");
        }
        if (prefix && !tokens.get(tokens.size() - 1).text().matches("[a-z']+")) {
            throw new IllegalArgumentException("cue '" + phrase + "': only an English word can end in *");
        }
        return new Cue(phrase, tokens.stream().map(EmotionText.Token::text).toList(), prefix, kind, weight, null);
    }

    private static Cue patternCue(String phrase, CueKind kind, double weight) {
        if (!kind.evidence() || kind == CueKind.BLAME || kind == CueKind.THANKS || kind == CueKind.IRONY) {
            throw new IllegalArgumentException("pattern cue '" + phrase + "' must be angry, anxious, sad, satisfied, "
                    + "complaint or sarcasm, got " + kind.key());
        }
        try {
            Pattern regex = Pattern.compile(phrase.substring(PATTERN_PREFIX.length()));
            return new Cue(phrase, List.of(), false, kind, weight, regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("pattern cue '" + phrase + "' is no valid regular expression: "
                    + e.getDescription(), e);
        }
    }

    private static double parseWeight(CueKind kind, String text) {
        if (!kind.weighted()) {
            if (!text.isEmpty()) {
                throw new IllegalArgumentException(kind.key() + " cues take no weight, got '" + text + "'");
            }
            return 1.0;
        }
        double w;
        try {
            w = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(kind.key() + " weight must be a number, got '" + text + "'");
        }
        boolean valid = switch (kind) {
            case INTENSIFIER -> w > 1.0 && w <= MAX_WEIGHT;
            case DOWNTONER -> w > 0.0 && w < 1.0;
            default -> w > 0.0 && w <= MAX_WEIGHT;
        };
        if (!valid) {
            String range = switch (kind) {
                case INTENSIFIER -> "(1, 3]";
                case DOWNTONER -> "(0, 1)";
                default -> "(0, 3]";
            };
            throw new IllegalArgumentException(kind.key() + " weight must be in " + range + ", got " + text);
        }
        return w;
    }

    /** The number of cues in the table. */
    public int size() {
        return size;
    }

    /** The pattern cues found in normalised, lower-cased text, each at most once, in table order. */
    List<PatternMatch> findPatterns(String normalizedLower) {
        List<PatternMatch> found = new ArrayList<>();
        for (Cue cue : patterns) {
            Matcher m = cue.regex().matcher(normalizedLower);
            if (m.find()) {
                found.add(new PatternMatch(cue, m.group()));
            }
        }
        return found;
    }

    /** The cues in {@code tokens}, left to right, the longest cue winning where several start at one token. */
    List<Match> match(List<EmotionText.Token> tokens) {
        List<Match> matches = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Match m = longestAt(tokens, i);
            if (m != null) {
                matches.add(m);
                i = m.end();
            } else {
                i++;
            }
        }
        return matches;
    }

    private Match longestAt(List<EmotionText.Token> tokens, int start) {
        EmotionText.Token first = tokens.get(start);
        if (first.boundary()) {
            return null;
        }
        for (Cue cue : byFirstToken.getOrDefault(first.text(), List.of())) {
            if (matchesAt(cue, tokens, start)) {
                return new Match(cue, start, start + cue.tokens().size());
            }
        }
        List<Cue> prefixed = prefixCandidates(first.text());
        return prefixed.isEmpty() ? null : new Match(prefixed.get(0), start, start + 1);
    }

    private List<Cue> prefixCandidates(String word) {
        List<Cue> out = new ArrayList<>();
        for (int len = word.length() - 1; len >= 2 && out.isEmpty(); len--) {
            List<Cue> cues = byFirstToken.get(word.substring(0, len));
            if (cues != null) {
                cues.stream().filter(c -> c.prefix() && c.tokens().size() == 1).forEach(out::add);
            }
        }
        return out;
    }

    private static boolean matchesAt(Cue cue, List<EmotionText.Token> tokens, int start) {
        List<String> want = cue.tokens();
        if (start + want.size() > tokens.size()) {
            return false;
        }
        for (int k = 0; k < want.size(); k++) {
            EmotionText.Token t = tokens.get(start + k);
            boolean last = k == want.size() - 1;
            boolean ok = !t.boundary() && (t.text().equals(want.get(k))
                    || (last && cue.prefix() && t.text().startsWith(want.get(k))));
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
