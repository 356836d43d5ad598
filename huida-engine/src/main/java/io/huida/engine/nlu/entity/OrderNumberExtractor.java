package io.huida.engine.nlu.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds order and waybill numbers: tokens matching one of the knowledge base's
 * {@linkplain EntityConfig#orderPatterns() order patterns}, and any {@code [A-Z]{0,4}\d{10,20}} token
 * right after an order keyword (订单号, 订单, 单号, 运单号, 快递单号, order no., order number, order #,
 * tracking number …, optionally followed by 是/为/: or #). The value is the token in upper case.
 */
public final class OrderNumberExtractor implements EntityExtractor {

    /** The name of this extractor. */
    public static final String NAME = Entity.ORDER_NUMBER;

    private static final Pattern KEYWORD_TOKEN = Pattern.compile(
            "(?:订单编号|订单号码|订单号|订单|运单号|快递单号|物流单号|单号|"
                    + "(?<![A-Za-z])order(?:\\s*(?:no\\.?|number|num|id|#))?|(?<![A-Za-z])tracking(?:\\s*(?:no\\.?|number|#))?)"
                    + "\\s*(?:是|为|:|#|is)?\\s*(?:#\\s*)?"
                    + "(?<![A-Za-z0-9])([A-Za-z]{0,4}\\d{10,20})(?![A-Za-z0-9])",
            Pattern.CASE_INSENSITIVE);

    private final List<Pattern> patterns;

    /** Creates an extractor for the order patterns of {@code config}. */
    public OrderNumberExtractor(EntityConfig config) {
        Objects.requireNonNull(config, "config");
        this.patterns = config.orderPatterns();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Entity> extract(String text, ExtractionContext ctx) {
        String folded = TextFold.fold(text);
        List<Entity> out = new ArrayList<>();
        for (Pattern p : patterns) {
            Matcher m = p.matcher(folded);
            while (m.find()) {
                if (m.end() > m.start() && isToken(folded, m.start(), m.end())) {
                    out.add(entity(text, m.start(), m.end()));
                }
            }
        }
        Matcher m = KEYWORD_TOKEN.matcher(folded);
        while (m.find()) {
            out.add(entity(text, m.start(1), m.end(1)));
        }
        return out;
    }

    private static boolean isToken(String s, int start, int end) {
        return (start == 0 || !isAlnum(s.charAt(start - 1))) && (end == s.length() || !isAlnum(s.charAt(end)));
    }

    private static boolean isAlnum(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }

    private static Entity entity(String text, int start, int end) {
        String token = text.substring(start, end);
        return new Entity(NAME, TextFold.fold(token).toUpperCase(Locale.ROOT), token, start, end);
    }
}
