package io.huida.engine.safety;

import io.huida.engine.nlu.entity.IdCardExtractor;
import io.huida.engine.nlu.entity.TextFold;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data in free text before it is stored or logged: mainland phone numbers, resident ID card
 * numbers, bank card numbers and e-mail addresses, in half- or full-width characters.
 *
 * <p>Formats: mobile {@code 138****5678} (a written {@code +86}/{@code 0086} prefix is kept), landline
 * {@code 010-****5678}, ID card first 4 and last 2 ({@code 1101************12}), bank card only the last 4
 * with separators kept ({@code **** **** **** 1234}, {@code ************1234}), e-mail first character and
 * domain ({@code z***@example.com}). Masking is idempotent.
 *
 * <p>Because a missed number in a log is worse than an over-masked one, no checksum is required: every
 * standalone 11-digit run starting 13–19 (also split 3-4-4 by spaces, dashes or dots), every 15- or 18-character
 * ID-shaped run (also split 6-8-4) and every 16–19 digit run (also in groups of four) is masked. Numbers glued to letters ({@code YT2026112200001}, {@code SF1234567890}),
 * decimals, dates, times and runs of other lengths are left alone. Thread-safe; text with fewer than ten
 * digits and no {@code @} returns at once.
 */
public final class PiiMasker {

    /** Type of a phone number match. */
    public static final String PHONE = "phone";
    /** Type of an ID card number match. */
    public static final String ID_CARD = "id_card";
    /** Type of a bank card number match. */
    public static final String BANK_CARD = "bank_card";
    /** Type of an e-mail address match. */
    public static final String EMAIL = "email";

    private static final String BEFORE = "(?<![0-9A-Za-z+.])";
    private static final String AFTER = "(?![0-9A-Za-z]|\\.\\d)";
    private static final String CN = "(?:(?:\\+|00)86[ -]?|\\(\\+?86\\) ?)";
    private static final Pattern MOBILE = Pattern.compile(BEFORE + CN + "?(1[3-9]\\d[ .-]?\\d{4}[ .-]?\\d{4})" + AFTER);
    private static final Pattern LANDLINE = Pattern.compile(BEFORE
            + "(\\(0(?:10|2\\d|[3-9]\\d{2})\\) ?|0(?:10|2\\d|[3-9]\\d{2})[ -]?|" + CN + "(?:10|2\\d|[3-9]\\d{2})[ -])"
            + "([2-9]\\d{6,7})" + AFTER);
    private static final Pattern ID_OR_CARD = Pattern.compile(BEFORE + "(?:\\d{17}[0-9Xx]|\\d{15,19})" + AFTER);
    private static final Pattern GROUPED_CARD = Pattern.compile(BEFORE + "\\d{4}(?:[ -]\\d{4}){3}(?:[ -]\\d{1,3})?" + AFTER);
    private static final Pattern GROUPED_ID = Pattern.compile(BEFORE + "\\d{6}[ -]\\d{8}[ -]\\d{3}[0-9Xx]" + AFTER);
    private static final Pattern ID_SHAPE = Pattern.compile(
            "[1-8]\\d{5}(?:19|20)?\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[0-9Xx]?");
    private static final Pattern EMAIL_ADDRESS = Pattern.compile(
            "(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\\.[A-Za-z]{2,}(?![A-Za-z0-9-])");
    private static final Comparator<PiiMatch> ORDER = Comparator.comparingInt(PiiMatch::start)
            .thenComparing(Comparator.comparingInt(PiiMatch::end).reversed());

    /**
     * Returns {@code text} with every piece of personal data masked; {@code null} stays {@code null}.
     * Masking already masked text changes nothing.
     */
    public String mask(String text) {
        if (text == null || !mayContainPii(text)) {
            return text;
        }
        String folded = TextFold.foldWidth(text);
        List<PiiMatch> matches = find(text, folded);
        if (matches.isEmpty()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        int at = 0;
        for (PiiMatch m : matches) {
            sb.append(text, at, m.start());
            appendMasked(sb, m, text, folded);
            at = m.end();
        }
        return sb.append(text, at, text.length()).toString();
    }

    /** The personal data in {@code text}, in order and without overlaps; empty for {@code null}. */
    public List<PiiMatch> find(String text) {
        if (text == null || !mayContainPii(text)) {
            return List.of();
        }
        return find(text, TextFold.foldWidth(text));
    }

    private static List<PiiMatch> find(String text, String folded) {
        List<PiiMatch> all = new ArrayList<>();
        if (folded.indexOf('@') >= 0) {
            collect(EMAIL_ADDRESS.matcher(folded), EMAIL, all);
        }
        if (!hasEnoughDigits(folded)) {
            return all;
        }
        collect(MOBILE.matcher(folded), PHONE, all);
        collect(LANDLINE.matcher(folded), PHONE, all);
        collect(GROUPED_CARD.matcher(folded), BANK_CARD, all);
        collect(GROUPED_ID.matcher(folded), ID_CARD, all);
        Matcher m = ID_OR_CARD.matcher(folded);
        while (m.find()) {
            String run = m.group();
            if (run.length() == 15 || run.length() == 18) {
                if (isIdCard(run)) {
                    all.add(new PiiMatch(ID_CARD, m.start(), m.end()));
                } else if (run.length() == 18) {
                    all.add(new PiiMatch(BANK_CARD, m.start(), m.end()));
                }
            } else if (run.length() >= 16) {
                all.add(new PiiMatch(BANK_CARD, m.start(), m.end()));
            }
        }
        if (all.size() <= 1) {
            return all;
        }
        all.sort(ORDER);
        List<PiiMatch> kept = new ArrayList<>(all.size());
        for (PiiMatch candidate : all) {
            if (kept.isEmpty() || candidate.start() >= kept.get(kept.size() - 1).end()) {
                kept.add(candidate);
            }
        }
        return kept;
    }

    /** An 18-character run is an ID card when it ends in X, passes the ID checksum or has the ID layout. */
    private static boolean isIdCard(String run) {
        char last = run.charAt(run.length() - 1);
        return last == 'X' || last == 'x' || IdCardExtractor.validChecksum(run) || ID_SHAPE.matcher(run).matches();
    }

    private static void collect(Matcher m, String type, List<PiiMatch> out) {
        while (m.find()) {
            out.add(new PiiMatch(type, m.start(), m.end()));
        }
    }

    private static void appendMasked(StringBuilder sb, PiiMatch m, String text, String folded) {
        switch (m.type()) {
            case EMAIL -> {
                int at = folded.indexOf('@', m.start());
                sb.append(text.charAt(m.start())).append("***").append(text, at, m.end());
            }
            case PHONE -> appendMaskedPhone(sb, m, text, folded);
            case ID_CARD -> appendKeeping(sb, text, folded, m.start(), m.end(), 4, 2);
            default -> appendKeeping(sb, text, folded, m.start(), m.end(), 0, 4);
        }
    }

    /** Keeps a written country or area code; the number itself becomes {@code 138****5678} or {@code ****5678}. */
    private static void appendMaskedPhone(StringBuilder sb, PiiMatch m, String text, String folded) {
        Matcher mobile = MOBILE.matcher(folded).region(m.start(), m.end());
        if (mobile.matches()) {
            String digits = digits(folded, mobile.start(1), mobile.end(1));
            sb.append(text, m.start(), mobile.start(1)).append(digits, 0, 3).append("****").append(digits, 7, 11);
            return;
        }
        Matcher landline = LANDLINE.matcher(folded).region(m.start(), m.end());
        if (landline.matches()) {
            String local = landline.group(2);
            sb.append(text, m.start(), landline.start(2)).append("****").append(local, local.length() - 4, local.length());
            return;
        }
        appendKeeping(sb, text, folded, m.start(), m.end(), 0, 4);
    }

    /** Copies {@code [from, to)} with every digit but the first {@code head} and last {@code tail} as '*'. */
    private static void appendKeeping(StringBuilder sb, String text, String folded, int from, int to, int head, int tail) {
        int total = digits(folded, from, to).length();
        int seen = 0;
        for (int i = from; i < to; i++) {
            char c = folded.charAt(i);
            boolean digit = c >= '0' && c <= '9' || c == 'X' || c == 'x';
            if (digit) {
                seen++;
                sb.append(seen <= head || seen > total - tail ? text.charAt(i) : '*');
            } else {
                sb.append(text.charAt(i));
            }
        }
    }

    private static String digits(String folded, int from, int to) {
        StringBuilder sb = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = folded.charAt(i);
            if (c >= '0' && c <= '9' || c == 'X' || c == 'x') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** The shortest number masked, a landline with a 3-digit area code and a 7-digit local number, has 10 digits. */
    private static final int MIN_DIGITS = 10;

    private static boolean mayContainPii(String text) {
        return text.indexOf('@') >= 0 || text.indexOf('\uff20') >= 0 || hasEnoughDigits(text);
    }

    private static boolean hasEnoughDigits(String text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= '0' && c <= '9' || c >= '\uff10' && c <= '\uff19') && ++digits >= MIN_DIGITS) {
                return true;
            }
        }
        return false;
    }
}
