package io.huida.engine.nlu.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds phone numbers. Values: CN mobile numbers as {@code +8613812345678}; landlines as
 * {@code +86-<area code without 0>-<local number>} ({@code 010-62345678} → {@code +86-10-62345678});
 * 400/800 service numbers as {@code +86-400-8208820}; other international numbers (written with
 * {@code +} or {@code 00} and a country code) as {@code +} and their digits ({@code +14155552671});
 * five-digit service numbers after 电话/热线/拨打 (95588, 10086) as {@code +86-95588}.
 * Spaces and dashes inside the number are allowed; a number glued to further digits or letters is not one.
 */
public final class PhoneExtractor implements EntityExtractor {

    /** The name of this extractor. */
    public static final String NAME = Entity.PHONE;

    private static final String BEFORE = "(?<![0-9A-Za-z+])";
    private static final String AFTER = "(?![0-9A-Za-z])";
    private static final String CN = "(?:(?:\\+|00)?86[ -]?|\\(\\+?86\\) ?)";
    private static final Pattern MOBILE = Pattern.compile(
            BEFORE + "(?:" + CN + ")?(1[3-9]\\d)[ -]?(\\d{4})[ -]?(\\d{4})" + AFTER);
    private static final Pattern LANDLINE = Pattern.compile(
            BEFORE + "(?:\\(0(10|2\\d|[3-9]\\d{2})\\) ?|0(10|2\\d|[3-9]\\d{2})[ -]?|" + CN + "(10|2\\d|[3-9]\\d{2})[ -]?)"
                    + "([2-9]\\d{2,3})[ -]?(\\d{4})" + AFTER);
    private static final Pattern SERVICE = Pattern.compile(BEFORE + "([48]00)[ -]?(\\d{3})[ -]?(\\d{4})" + AFTER);
    private static final Pattern SHORT_SERVICE = Pattern.compile(
            "(?:电话|热线|拨打|致电|客服|打)[^0-9]{0,3}?(?<![0-9])(9[56]\\d{3}|1[0-2]\\d{3})(?![0-9])", Pattern.CASE_INSENSITIVE);
    private static final Pattern INTERNATIONAL = Pattern.compile(
            BEFORE + "(?:\\+|00)(?!86)([1-9]\\d{0,2})(?:[ -]?\\(?\\d{1,4}\\)?)(?:[ -]?\\d{2,4}){1,4}" + AFTER);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Entity> extract(String text, ExtractionContext ctx) {
        String folded = TextFold.fold(text);
        List<Entity> out = new ArrayList<>();
        Matcher m = MOBILE.matcher(folded);
        while (m.find()) {
            out.add(entity(text, m, "+86" + m.group(1) + m.group(2) + m.group(3)));
        }
        m = LANDLINE.matcher(folded);
        while (m.find()) {
            String area = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            String local = m.group(4) + m.group(5);
            if (local.length() >= 7) {
                out.add(entity(text, m, "+86-" + area + "-" + local));
            }
        }
        m = SERVICE.matcher(folded);
        while (m.find()) {
            out.add(entity(text, m, "+86-" + m.group(1) + "-" + m.group(2) + m.group(3)));
        }
        m = SHORT_SERVICE.matcher(folded);
        while (m.find()) {
            out.add(new Entity(NAME, "+86-" + m.group(1), text.substring(m.start(1), m.end(1)), m.start(1), m.end(1)));
        }
        m = INTERNATIONAL.matcher(folded);
        while (m.find()) {
            String digits = m.group().replaceAll("[^0-9]", "");
            if (m.group().startsWith("00")) {
                digits = digits.substring(2);
            }
            if (digits.length() >= 8 && digits.length() <= 15) {
                out.add(entity(text, m, "+" + digits));
            }
        }
        return out;
    }

    private static Entity entity(String text, Matcher m, String value) {
        return new Entity(NAME, value, text.substring(m.start(), m.end()), m.start(), m.end());
    }
}
