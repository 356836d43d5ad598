package io.huida.engine.nlu.entity;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Finds the entities of a customer message: runs every extractor on the original text and resolves
 * overlaps, returning non-overlapping entities sorted by start.
 *
 * <p>Overlaps: the longer span wins; of equal spans the more specific type wins, in the order id_card,
 * order_number, bank_card, phone, email, datetime, money, quantity, product, location. So an ID card is
 * never also a phone or bank card, and a number right after 订单号 is an order number. Instances are
 * immutable and thread-safe.
 */
public final class EntityRecognizer {

    private static final List<String> PRIORITY = List.of(Entity.ID_CARD, Entity.ORDER_NUMBER, Entity.BANK_CARD,
            Entity.PHONE, Entity.EMAIL, Entity.DATETIME, Entity.MONEY, Entity.QUANTITY, Entity.PRODUCT, Entity.LOCATION);
    private static final Comparator<Entity> BEST_FIRST = Comparator.comparingInt(Entity::length).reversed()
            .thenComparingInt(e -> rank(e.type()))
            .thenComparingInt(Entity::start);

    private final List<EntityExtractor> extractors;

    /** Creates a recognizer with the built-in extractors for {@code config}. */
    public EntityRecognizer(EntityConfig config) {
        this(builtIn(config));
    }

    /**
     * Creates a recognizer running the given extractors.
     *
     * @throws IllegalArgumentException when the list is empty or two extractors have the same name
     */
    public EntityRecognizer(List<EntityExtractor> extractors) {
        Objects.requireNonNull(extractors, "extractors");
        if (extractors.isEmpty()) {
            throw new IllegalArgumentException("at least one entity extractor is required");
        }
        List<String> names = new ArrayList<>();
        for (EntityExtractor x : extractors) {
            Objects.requireNonNull(x, "extractor");
            if (names.contains(x.name())) {
                throw new IllegalArgumentException("duplicate entity extractor '" + x.name() + "'");
            }
            names.add(x.name());
        }
        this.extractors = List.copyOf(extractors);
    }

    /** Returns the built-in extractors, one per entity type, configured by {@code config}. */
    public static List<EntityExtractor> builtIn(EntityConfig config) {
        Objects.requireNonNull(config, "config");
        return List.of(new IdCardExtractor(), new OrderNumberExtractor(config), new BankCardExtractor(), new PhoneExtractor(),
                new EmailExtractor(), new DateTimeExtractor(config), new MoneyExtractor(), new QuantityExtractor(),
                new ProductExtractor(config), new LocationExtractor());
    }

    /**
     * Returns the entities of {@code text}, non-overlapping and sorted by start; spans index {@code text}.
     *
     * @param text the original message; null or empty gives no entities
     * @param ctx  the reference time for relative dates
     */
    public List<Entity> recognize(String text, ExtractionContext ctx) {
        Objects.requireNonNull(ctx, "ctx");
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Entity> candidates = new ArrayList<>();
        for (EntityExtractor x : extractors) {
            candidates.addAll(x.extract(text, ctx));
        }
        candidates.sort(BEST_FIRST);
        List<Entity> kept = new ArrayList<>();
        for (Entity c : candidates) {
            if (kept.stream().noneMatch(c::overlaps)) {
                kept.add(c);
            }
        }
        kept.sort(Comparator.comparingInt(Entity::start));
        return List.copyOf(kept);
    }

    /** Returns the entities of {@code text} with {@code referenceTime} as the reference time. */
    public List<Entity> recognize(String text, ZonedDateTime referenceTime) {
        return recognize(text, new ExtractionContext(referenceTime));
    }

    private static int rank(String type) {
        int i = PRIORITY.indexOf(type);
        return i < 0 ? PRIORITY.size() : i;
    }
}
