package io.huida.server.nlu;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.util.List;

/**
 * How messages are understood, bound from {@code huida.nlu.*} (or {@code HUIDA_NLU_ORDER_PATTERNS},
 * {@code HUIDA_NLU_PRODUCTS_FILE}, {@code HUIDA_NLU_TIME_ZONE}, {@code HUIDA_NLU_INTENTS_FILE}).
 *
 * @param orderPatterns regular expressions of the business's order numbers (default {@code YT\d{14}})
 * @param productsFile  optional TSV product dictionary: {@code canonical<TAB>synonym|synonym…} per line
 * @param timeZone      the zone relative dates (明天, next Monday) are resolved in (default Asia/Shanghai)
 * @param intentsFile   optional TSV of intents beyond the FAQs ({@code text<TAB>intent} per line, e.g. greetings or
 *                      asking for a human agent), trained into every knowledge base's intent model
 */
@ConfigurationProperties("huida.nlu")
public record NluProperties(List<String> orderPatterns, Path productsFile, String timeZone, Path intentsFile) {

    public NluProperties {
        orderPatterns = orderPatterns == null ? List.of() : List.copyOf(orderPatterns);
    }
}
