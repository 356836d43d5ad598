package io.huida.engine.nlu.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds provinces, cities and districts of China, in simplified or traditional characters and by common
 * English names. Adjacent divisions that contain each other (广东省深圳市南山区, 上海浦东) form one entity.
 * The value is the canonical full path of the most specific division: {@code 深圳} → {@code 广东省深圳市},
 * {@code 北京} → {@code 北京市}, {@code 上海浦东} → {@code 上海市浦东新区}, {@code 臺北} → {@code 台湾省台北市}.
 * A short name followed by a street word is a street, not the city (中山路, 南京东路, 北京大学).
 */
public final class LocationExtractor implements EntityExtractor {

    /** The name of this extractor. */
    public static final String NAME = Entity.LOCATION;

    private static final Pattern STREET = Pattern.compile("[东西南北中]?(?:路|街|大道|大街|巷)|大学|银行|证券|航空|时间");

    private final Gazetteer gazetteer = Gazetteer.builtIn();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Entity> extract(String text, ExtractionContext ctx) {
        String s = asciiLowerCase(TextFold.fold(text));
        List<Entity> out = new ArrayList<>();
        int chainStart = -1;
        int chainEnd = -1;
        Gazetteer.Unit last = null;
        int i = 0;
        while (i < s.length()) {
            Match match = longest(s, i, last != null && chainEnd == i ? last : null);
            if (match == null) {
                i++;
                continue;
            }
            if (last != null && chainEnd == i && gazetteer.isAncestor(last, match.unit)) {
                chainEnd = match.end;
            } else {
                flush(text, chainStart, chainEnd, last, out);
                chainStart = i;
                chainEnd = match.end;
            }
            last = match.unit;
            i = match.end;
        }
        flush(text, chainStart, chainEnd, last, out);
        return out;
    }

    private record Match(Gazetteer.Unit unit, int end) {
    }

    private Match longest(String s, int start, Gazetteer.Unit previous) {
        for (int len = Math.min(gazetteer.maxAliasLength(), s.length() - start); len >= 2; len--) {
            String key = s.substring(start, start + len);
            List<Gazetteer.Alias> candidates = gazetteer.lookup(key);
            if (candidates.isEmpty() || !boundaries(s, start, start + len, key)) {
                continue;
            }
            Gazetteer.Unit chosen = null;
            for (Gazetteer.Alias a : candidates) {
                boolean inChain = previous != null && gazetteer.isAncestor(previous, a.unit());
                if (inChain) {
                    chosen = a.unit();
                    break;
                }
                if (!a.chainOnly() && chosen == null) {
                    chosen = a.unit();
                }
            }
            if (chosen != null) {
                return new Match(chosen, start + len);
            }
        }
        return null;
    }

    private static boolean boundaries(String s, int start, int end, String key) {
        if (isAscii(key.charAt(0))) {
            return (start == 0 || !isAsciiAlnum(s.charAt(start - 1))) && (end == s.length() || !isAsciiAlnum(s.charAt(end)));
        }
        char lastChar = key.charAt(key.length() - 1);
        boolean fullName = "省市区州盟".indexOf(lastChar) >= 0 || key.endsWith("地区");
        return fullName || !STREET.matcher(s).region(end, s.length()).lookingAt();
    }

    /** Lower-cases A–Z only, so that offsets never move (String.toLowerCase may change the length). */
    private static String asciiLowerCase(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] = (char) (chars[i] + 32);
            }
        }
        return new String(chars);
    }

    private static boolean isAscii(char c) {
        return c < 128;
    }

    private static boolean isAsciiAlnum(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }

    private static void flush(String text, int start, int end, Gazetteer.Unit unit, List<Entity> out) {
        if (start >= 0 && unit != null) {
            out.add(new Entity(NAME, unit.path(), text.substring(start, end), start, end));
        }
    }
}
