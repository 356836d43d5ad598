package io.huida.engine.nlu.entity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds mainland Chinese resident ID card numbers: 18 characters, a region code, a valid birth date
 * (1900 up to the reference date) and a check character valid under ISO 7064 MOD 11-2. The value is
 * the number with an upper-case {@code X}. Numbers failing any check are not extracted.
 */
public final class IdCardExtractor implements EntityExtractor {

    /** The name of this extractor. */
    public static final String NAME = Entity.ID_CARD;

    private static final Pattern ID = Pattern.compile(
            "(?<![0-9A-Za-z])[1-8]\\d{5}(19\\d{2}|20\\d{2})(\\d{2})(\\d{2})\\d{3}[0-9Xx](?![0-9A-Za-z])");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Entity> extract(String text, ExtractionContext ctx) {
        String folded = TextFold.fold(text);
        List<Entity> out = new ArrayList<>();
        Matcher m = ID.matcher(folded);
        while (m.find()) {
            String id = m.group().toUpperCase(Locale.ROOT);
            if (validChecksum(id) && validBirth(m, ctx)) {
                out.add(new Entity(NAME, id, text.substring(m.start(), m.end()), m.start(), m.end()));
            }
        }
        return out;
    }

    /** Returns true when the 18th character of {@code id} is its ISO 7064 MOD 11-2 check character. */
    public static boolean validChecksum(String id) {
        if (id.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            sum += (c - '0') * WEIGHTS[i];
        }
        return Character.toUpperCase(id.charAt(17)) == CHECK[sum % 11];
    }

    private static boolean validBirth(Matcher m, ExtractionContext ctx) {
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            return !birth.isAfter(ctx.referenceTime().toLocalDate());
        } catch (DateTimeException e) {
            return false;
        }
    }
}
