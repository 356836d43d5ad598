package io.huida.engine.nlu.entity;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds products of the knowledge base's dictionary ({@link EntityConfig#productSynonyms()}) by their
 * canonical names and synonyms, case-insensitively, in traditional or simplified characters, with spaces
 * inside a name optional, a space allowed between letters, digits and Chinese characters and a hyphen
 * optional or written as a space ({@code iPhone15 Pro}, {@code iPhone 15 Pro}, {@code 戴森 V12},
 * {@code wh 1000xm5} all match). A name starting or ending
 * with a letter or digit must not continue into further letters or digits. The longest name wins; the
 * value is the canonical product name.
 */
public final class ProductExtractor implements EntityExtractor {

    /** The name of this extractor. */
    public static final String NAME = Entity.PRODUCT;

    /** Per lower-case first character, the names starting with it, longest first. */
    private final Map<Character, Pattern> namesByFirstChar;
    private final Map<String, String> canonical;

    /** Creates an extractor for the product dictionary of {@code config}. */
    public ProductExtractor(EntityConfig config) {
        Objects.requireNonNull(config, "config");
        Map<String, String> byKey = new HashMap<>();
        for (Map.Entry<String, List<String>> e : config.productSynonyms().entrySet()) {
            byKey.putIfAbsent(key(e.getKey()), e.getKey());
            for (String synonym : e.getValue()) {
                byKey.putIfAbsent(key(synonym), e.getKey());
            }
        }
        List<String> synonyms = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : config.productSynonyms().entrySet()) {
            synonyms.add(e.getKey());
            synonyms.addAll(e.getValue());
        }
        synonyms.sort(Comparator.comparingInt((String x) -> key(x).length()).reversed());
        Map<Character, List<String>> alternatives = new HashMap<>();
        for (String synonym : synonyms) {
            String folded = TextFold.fold(synonym.strip());
            alternatives.computeIfAbsent(Character.toLowerCase(folded.charAt(0)), c -> new ArrayList<>()).add(regex(folded));
        }
        Map<Character, Pattern> patterns = new HashMap<>();
        alternatives.forEach((c, list) -> patterns.put(c,
                Pattern.compile(String.join("|", list), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
        this.canonical = byKey;
        this.namesByFirstChar = patterns;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Entity> extract(String text, ExtractionContext ctx) {
        if (namesByFirstChar.isEmpty()) {
            return List.of();
        }
        String folded = TextFold.fold(text);
        List<Entity> out = new ArrayList<>();
        int i = 0;
        while (i < folded.length()) {
            Pattern names = namesByFirstChar.get(Character.toLowerCase(folded.charAt(i)));
            if (names != null) {
                Matcher m = names.matcher(folded).region(i, folded.length()).useTransparentBounds(true).useAnchoringBounds(false);
                if (m.lookingAt()) {
                    String product = canonical.get(key(m.group()));
                    if (product != null && m.end() > i) {
                        out.add(new Entity(NAME, product, text.substring(m.start(), m.end()), m.start(), m.end()));
                        i = m.end();
                        continue;
                    }
                }
            }
            i++;
        }
        return out;
    }

    /**
     * Reads a product dictionary in TSV form: one product a line, {@code canonical<TAB>synonym|synonym};
     * blank lines and lines starting with {@code #} are skipped.
     *
     * @throws IllegalArgumentException naming the line when it has no canonical name
     */
    public static Map<String, List<String>> readTsv(BufferedReader reader) throws IOException {
        Map<String, List<String>> products = new LinkedHashMap<>();
        String line;
        int n = 0;
        while ((line = reader.readLine()) != null) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (cols[0].isBlank()) {
                throw new IllegalArgumentException("product dictionary line " + n + ": missing canonical name in '" + line + "'");
            }
            List<String> synonyms = new ArrayList<>();
            if (cols.length > 1) {
                for (String s : cols[1].split("\\|")) {
                    if (!s.isBlank()) {
                        synonyms.add(s.strip());
                    }
                }
            }
            products.put(cols[0].strip(), synonyms);
        }
        return products;
    }

    private static String key(String name) {
        return TextFold.fold(name).toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "");
    }

    private static String regex(String synonym) {
        StringBuilder sb = new StringBuilder();
        if (isAsciiAlnum(synonym.charAt(0))) {
            sb.append("(?<![A-Za-z0-9])");
        }
        String compact = synonym.replaceAll("\\s+", " ");
        for (int i = 0; i < compact.length(); i++) {
            char c = compact.charAt(i);
            if (c == ' ') {
                sb.append("\\s*");
                continue;
            }
            if (c == '-') {
                sb.append("[-\\s]?");
                continue;
            }
            if (i > 0 && compact.charAt(i - 1) != ' ' && letterDigitBoundary(compact.charAt(i - 1), c)) {
                sb.append(" ?");
            }
            sb.append(Pattern.quote(String.valueOf(c)));
        }
        if (isAsciiAlnum(synonym.charAt(synonym.length() - 1))) {
            sb.append("(?![A-Za-z0-9])");
        }
        return sb.toString();
    }

    private static boolean letterDigitBoundary(char a, char b) {
        boolean aDigit = a >= '0' && a <= '9';
        boolean bDigit = b >= '0' && b <= '9';
        return isAsciiAlnum(a) && isAsciiAlnum(b) ? aDigit != bDigit : isAsciiAlnum(a) != isAsciiAlnum(b);
    }

    private static boolean isAsciiAlnum(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }
}
