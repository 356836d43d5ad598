package io.huida.engine.nlu.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds bank card numbers: 16–19 digits, written in one run or in groups separated by single spaces or
 * dashes, starting with a card-issuer digit (3, 4, 5, 6 or 9) and valid under the Luhn check. The value
 * is the digits alone. When a grouped run is longer than a card, the longest valid leading groups count.
 */
public final class BankCardExtractor implements EntityExtractor {

    /** The name of this extractor. */
    public static final String NAME = Entity.BANK_CARD;

    private static final Pattern RUN = Pattern.compile("(?<![0-9A-Za-z.]|[0-9][,-])\\d{3,19}(?:[ -]\\d{3,7}){0,5}(?![0-9A-Za-z])");
    private static final Pattern GROUP = Pattern.compile("\\d+");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Entity> extract(String text, ExtractionContext ctx) {
        String folded = TextFold.fold(text);
        List<Entity> out = new ArrayList<>();
        Matcher m = RUN.matcher(folded);
        while (m.find()) {
            List<int[]> groups = new ArrayList<>();
            Matcher g = GROUP.matcher(folded).region(m.start(), m.end());
            while (g.find()) {
                groups.add(new int[] {g.start(), g.end()});
            }
            // the longest valid prefix of whole groups
            for (int k = groups.size(); k >= 1; k--) {
                int end = groups.get(k - 1)[1];
                String digits = folded.substring(m.start(), end).replaceAll("[ -]", "");
                if (isCard(digits)) {
                    out.add(new Entity(NAME, digits, text.substring(m.start(), end), m.start(), end));
                    break;
                }
            }
        }
        return out;
    }

    private static boolean isCard(String digits) {
        if (digits.length() < 16 || digits.length() > 19) {
            return false;
        }
        char first = digits.charAt(0);
        return (first >= '3' && first <= '6' || first == '9') && luhn(digits);
    }

    /** Returns true when {@code digits} passes the Luhn (mod 10) check. */
    public static boolean luhn(String digits) {
        int sum = 0;
        boolean dbl = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }
}
