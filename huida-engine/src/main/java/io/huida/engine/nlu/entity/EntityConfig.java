package io.huida.engine.nlu.entity;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The per-knowledge-base configuration of entity extraction: order-number patterns, the product
 * dictionary and the time zone that relative dates are resolved in.
 *
 * <p>Order patterns are matched on the message with full-width characters folded to ASCII, and only
 * as whole tokens (not inside a longer run of letters or digits). Besides them, a generic
 * {@code [A-Z]{0,4}\d{10,20}} token is an order number only right after an order keyword (订单号, 单号,
 * 运单号, order no., tracking number …), so phone and bank-card numbers are not mistaken for orders.
 *
 * @param orderPatterns   patterns of order numbers of this knowledge base; none may match the empty string
 * @param productSynonyms canonical product name to its synonyms (the canonical name is always a synonym
 *                        of itself); a synonym may belong to one product only, ignoring case, spaces, hyphens
 *                        and traditional characters
 * @param zone            the zone that relative dates and times are resolved in
 */
public record EntityConfig(List<Pattern> orderPatterns, Map<String, List<String>> productSynonyms, ZoneId zone) {

    /** The default order pattern: YTO Express style waybill numbers such as {@code YT12345678901234}. */
    public static final String DEFAULT_ORDER_PATTERN = "YT\\d{14}";

    public EntityConfig {
        Objects.requireNonNull(orderPatterns, "orderPatterns");
        Objects.requireNonNull(productSynonyms, "productSynonyms");
        Objects.requireNonNull(zone, "zone");
        for (Pattern p : orderPatterns) {
            Objects.requireNonNull(p, "order pattern");
            if (p.matcher("").matches()) {
                throw new IllegalArgumentException("order pattern '" + p.pattern() + "' matches the empty string");
            }
        }
        Map<String, String> owner = new HashMap<>();
        Map<String, List<String>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : productSynonyms.entrySet()) {
            String canonical = e.getKey();
            if (canonical == null || canonical.isBlank()) {
                throw new IllegalArgumentException("product name must not be blank, got '" + canonical + "'");
            }
            Objects.requireNonNull(e.getValue(), () -> "synonyms of product '" + canonical + "'");
            for (String synonym : e.getValue()) {
                if (synonym == null || synonym.isBlank()) {
                    throw new IllegalArgumentException("synonym of product '" + canonical + "' must not be blank, got '" + synonym + "'");
                }
            }
            for (String synonym : concat(canonical, e.getValue())) {
                String key = TextFold.fold(synonym).toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "");
                String previous = owner.putIfAbsent(key, canonical);
                if (previous != null && !previous.equals(canonical)) {
                    throw new IllegalArgumentException("synonym '" + synonym + "' belongs to both '" + previous + "' and '" + canonical + "'");
                }
            }
            copy.put(canonical, List.copyOf(e.getValue()));
        }
        orderPatterns = List.copyOf(orderPatterns);
        productSynonyms = Collections.unmodifiableMap(copy);
    }

    /** Returns the default configuration: the {@link #DEFAULT_ORDER_PATTERN}, no products, Asia/Shanghai. */
    public static EntityConfig defaults() {
        return new EntityConfig(List.of(orderPattern(DEFAULT_ORDER_PATTERN)), Map.of(), ZoneId.of("Asia/Shanghai"));
    }

    /**
     * Compiles an order-number pattern, case-insensitively.
     *
     * @throws IllegalArgumentException naming the pattern when it is not a valid regular expression
     */
    public static Pattern orderPattern(String regex) {
        if (regex == null || regex.isBlank()) {
            throw new IllegalArgumentException("order pattern must not be blank, got '" + regex + "'");
        }
        try {
            return Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid order pattern '" + regex + "': " + e.getDescription(), e);
        }
    }

    /** Returns a copy of this configuration with another product dictionary. */
    public EntityConfig withProducts(Map<String, List<String>> products) {
        return new EntityConfig(orderPatterns, products, zone);
    }

    /** Returns a copy of this configuration with other order patterns. */
    public EntityConfig withOrderPatterns(List<Pattern> patterns) {
        return new EntityConfig(patterns, productSynonyms, zone);
    }

    private static List<String> concat(String first, List<String> rest) {
        ArrayList<String> all = new ArrayList<>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
