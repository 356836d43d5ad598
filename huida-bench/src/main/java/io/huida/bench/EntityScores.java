package io.huida.bench;

import io.huida.engine.nlu.entity.Entity;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Precision and recall of entity extraction per type: a predicted entity counts as correct only when an
 * expected one has the same type, span and normalised value; so a right span with a wrong value is both a
 * false positive and a false negative.
 */
final class EntityScores {

    /** Counts of one type. */
    static final class Counts {
        int truePositives;
        int falsePositives;
        int falseNegatives;

        double precision() {
            int predicted = truePositives + falsePositives;
            return predicted == 0 ? 1.0 : (double) truePositives / predicted;
        }

        double recall() {
            int expected = truePositives + falseNegatives;
            return expected == 0 ? 1.0 : (double) truePositives / expected;
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        int support() {
            return truePositives + falseNegatives;
        }
    }

    private final Map<String, Counts> byType = new TreeMap<>();
    private final Counts overall = new Counts();

    /**
     * Adds one message's expected and predicted entities; returns the entities that were wrong (missed
     * expected ones and spurious predicted ones), expected first.
     */
    Misses add(List<Entity> expected, List<Entity> predicted) {
        Set<Key> gold = new HashSet<>();
        for (Entity e : expected) {
            gold.add(Key.of(e));
            counts(e.type());
        }
        Set<Key> found = new HashSet<>();
        for (Entity e : predicted) {
            found.add(Key.of(e));
        }
        Misses misses = new Misses(new java.util.ArrayList<>(), new java.util.ArrayList<>());
        for (Entity e : predicted) {
            Counts c = counts(e.type());
            if (gold.contains(Key.of(e))) {
                c.truePositives++;
                overall.truePositives++;
            } else {
                c.falsePositives++;
                overall.falsePositives++;
                misses.spurious().add(e);
            }
        }
        for (Entity e : expected) {
            if (!found.contains(Key.of(e))) {
                counts(e.type()).falseNegatives++;
                overall.falseNegatives++;
                misses.missed().add(e);
            }
        }
        return misses;
    }

    /** The expected entities not found and the predicted entities not expected, of one message. */
    record Misses(List<Entity> missed, List<Entity> spurious) {
        boolean isEmpty() {
            return missed.isEmpty() && spurious.isEmpty();
        }
    }

    Counts counts(String type) {
        return byType.computeIfAbsent(type, t -> new Counts());
    }

    Map<String, Counts> byType() {
        return byType;
    }

    Counts overall() {
        return overall;
    }

    /** Returns one JSON line for {@code type} and its counts. */
    static String json(String type, Counts c) {
        return String.format(Locale.ROOT, "{\"type\":\"%s\",\"precision\":%.4f,\"recall\":%.4f,\"f1\":%.4f,\"support\":%d}",
                type, c.precision(), c.recall(), c.f1(), c.support());
    }

    private record Key(String type, String value, int start, int end) {
        static Key of(Entity e) {
            return new Key(e.type(), e.value(), e.start(), e.end());
        }
    }
}
