package io.huida.engine.dialog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Works out which of the offered options a reply picks: by number ("2", "第二个", "选2", "the second"), by label,
 * by a keyword of the option, or by the words it shares with the labels. More than one match means the reply
 * narrowed the options down without deciding.
 */
final class ChoiceMatcher {

    private static final Pattern NUMBER = Pattern.compile(
            "^(?:选|选择|第|要|就|option|number|no\\.?|#)?\\s*([0-9]{1,2}|[一二三四五六七八九十两])\\s*(?:个|项|种|条|号|吧|的|个吧)?$");
    private static final Map<String, Integer> ORDINAL_WORDS = Map.ofEntries(
            Map.entry("first", 1), Map.entry("the first", 1), Map.entry("the first one", 1), Map.entry("first one", 1),
            Map.entry("second", 2), Map.entry("the second", 2), Map.entry("the second one", 2), Map.entry("second one", 2),
            Map.entry("third", 3), Map.entry("the third", 3), Map.entry("the third one", 3), Map.entry("third one", 3),
            Map.entry("前者", 1), Map.entry("上面那个", 1), Map.entry("第一个吧", 1), Map.entry("头一个", 1));
    private static final String CN_DIGITS = "零一二三四五六七八九十";

    private ChoiceMatcher() {
    }

    /**
     * The option numbers (1-based) the reply picks; empty when it picks none.
     *
     * @param labels   the options' labels, in order
     * @param keywords further words per option (same order; may be empty lists)
     */
    static List<Integer> match(String reply, List<String> labels, List<List<String>> keywords) {
        String f = Utterances.fold(reply);
        Integer n = number(f, labels.size());
        if (n != null) {
            return List.of(n);
        }
        List<Integer> exact = new ArrayList<>();
        List<Integer> contained = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            String label = Utterances.fold(labels.get(i));
            if (label.equals(f)) {
                exact.add(i + 1);
            } else if (f.contains(label) || f.length() >= 2 && label.contains(f)
                    || keywords.get(i).stream().map(Utterances::fold).anyMatch(k -> !k.isEmpty() && f.contains(k))) {
                contained.add(i + 1);
            }
        }
        if (!exact.isEmpty()) {
            return exact;
        }
        if (!contained.isEmpty()) {
            return contained;
        }
        return byOverlap(f, labels);
    }

    /** The options the reply names outright: their label or one of their keywords occurs in it. */
    static List<Integer> named(String reply, List<String> labels, List<List<String>> keywords) {
        String f = Utterances.fold(reply);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            String label = Utterances.fold(labels.get(i));
            if (!label.isEmpty() && f.contains(label)
                    || keywords.get(i).stream().map(Utterances::fold).anyMatch(k -> !k.isEmpty() && f.contains(k))) {
                out.add(i + 1);
            }
        }
        return out;
    }

    private static Integer number(String f, int size) {
        Integer n = ORDINAL_WORDS.get(f);
        if (n == null && (f.equals("后者") || f.equals("最后一个") || f.equals("the last one") || f.equals("last"))) {
            n = size;
        }
        if (n == null) {
            Matcher m = NUMBER.matcher(f);
            if (m.matches()) {
                String d = m.group(1);
                n = Character.isDigit(d.charAt(0)) ? Integer.parseInt(d) : d.equals("两") ? 2 : CN_DIGITS.indexOf(d);
            }
        }
        return n != null && n >= 1 && n <= size ? n : null;
    }

    /** The labels sharing the most character bigrams (or, for English, words) with the reply, if any share some. */
    private static List<Integer> byOverlap(String f, List<String> labels) {
        Set<String> grams = grams(f);
        int best = 0;
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            Set<String> g = grams(Utterances.fold(labels.get(i)));
            g.retainAll(grams);
            if (g.size() > best) {
                best = g.size();
                out.clear();
            }
            if (g.size() == best && best > 0) {
                out.add(i + 1);
            }
        }
        return out;
    }

    private static Set<String> grams(String s) {
        Set<String> out = new HashSet<>();
        for (String w : s.split(" ")) {
            if (w.chars().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                for (int i = 0; i + 2 <= w.length(); i++) {
                    out.add(w.substring(i, i + 2));
                }
            } else if (w.length() > 2) {
                out.add(w);
            }
        }
        return out;
    }
}
