package io.huida.bench;

import io.huida.engine.bot.BotReply;
import io.huida.engine.nlu.entity.Entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Checks one reply against a turn's expectations. Texts are compared ignoring case; a key given as YAML null
 * means the reply must not carry that field (no flow, no slot …).
 */
final class DialogExpectations {

    private DialogExpectations() {
    }

    /** One expectation the reply did not meet. */
    record Miss(String key, String expected, String actual) {
        @Override
        public String toString() {
            return key + ": expected " + expected + ", got " + actual;
        }
    }

    /** Every expectation of {@code expect} that {@code reply} misses, in the order of the keys. */
    static List<Miss> check(Map<String, Object> expect, BotReply reply) {
        List<Miss> misses = new ArrayList<>();
        for (Map.Entry<String, Object> e : expect.entrySet()) {
            Miss m = check(e.getKey(), e.getValue(), reply);
            if (m != null) {
                misses.add(m);
            }
        }
        return misses;
    }

    private static Miss check(String key, Object want, BotReply r) {
        BotReply.Handoff h = r.handoff();
        return switch (key) {
            case "type" -> same(key, want, r.type().name());
            case "flowId" -> same(key, want, r.flowId());
            case "slot" -> same(key, want, r.slot());
            case "faqId" -> same(key, want, r.faqId());
            case "intent" -> same(key, want, r.intent().name());
            case "emotion" -> same(key, want, r.emotion().label());
            case "handoffReason" -> same(key, want, h == null ? null : h.reason());
            case "handoffSkill" -> same(key, want, h == null ? null : h.skill());
            case "textContains" -> contains(key, strings(want), r.text(), true);
            case "textNotContains" -> contains(key, strings(want), r.text(), false);
            case "summaryContains" -> contains(key, strings(want), h == null ? null : h.summary(), true);
            case "choices" -> choices(want, r.choices());
            case "entities" -> entities(want, r.entities());
            case "risks" -> risks(want, r.risks());
            default -> throw new IllegalArgumentException("unknown expectation key '" + key + "'");
        };
    }

    private static Miss same(String key, Object want, String actual) {
        if (want == null) {
            return actual == null ? null : new Miss(key, "none", actual);
        }
        return actual != null && norm(actual).equals(norm(want.toString())) ? null : new Miss(key, want.toString(), String.valueOf(actual));
    }

    private static Miss contains(String key, List<String> parts, String text, boolean present) {
        List<String> bad = new ArrayList<>();
        for (String p : parts) {
            boolean found = text != null && norm(text).contains(norm(p));
            if (found != present) {
                bad.add(p);
            }
        }
        return bad.isEmpty() ? null : new Miss(key, (present ? "" : "not ") + bad, text == null ? "no text" : "'" + text + "'");
    }

    private static Miss choices(Object want, List<BotReply.Option> options) {
        List<String> labels = options.stream().map(BotReply.Option::label).toList();
        if (want instanceof Number n) {
            return options.size() == n.intValue() ? null : new Miss("choices", n + " choices", options.size() + " " + labels);
        }
        List<String> missing = new ArrayList<>();
        for (String w : strings(want)) {
            if (labels.stream().noneMatch(l -> norm(l).contains(norm(w)))) {
                missing.add(w);
            }
        }
        return missing.isEmpty() ? null : new Miss("choices", "labels " + strings(want), labels.toString());
    }

    private static Miss entities(Object want, List<Entity> found) {
        List<String> missing = new ArrayList<>();
        for (Object o : list(want)) {
            String type;
            String value = null;
            if (o instanceof Map<?, ?> m) {
                type = String.valueOf(m.get("type"));
                value = m.get("value") == null ? null : m.get("value").toString();
            } else {
                type = String.valueOf(o);
            }
            String v = value;
            boolean ok = found.stream().anyMatch(e -> e.type().equals(type)
                    && (v == null || norm(e.value()).contains(norm(v)) || norm(e.text()).contains(norm(v))));
            if (!ok) {
                missing.add(v == null ? type : type + "=" + v);
            }
        }
        return missing.isEmpty() ? null : new Miss("entities", missing.toString(),
                found.stream().map(e -> e.type() + "=" + e.value()).toList().toString());
    }

    private static Miss risks(Object want, List<BotReply.RiskFlag> flags) {
        List<String> types = flags.stream().map(BotReply.RiskFlag::type).toList();
        List<String> wanted = strings(want);
        if (wanted.isEmpty()) {
            return types.isEmpty() ? null : new Miss("risks", "none", types.toString());
        }
        return types.containsAll(wanted) ? null : new Miss("risks", wanted.toString(), types.toString());
    }

    private static List<?> list(Object o) {
        return o == null ? List.of() : o instanceof List<?> l ? l : List.of(o);
    }

    private static List<String> strings(Object o) {
        return list(o).stream().map(x -> Objects.toString(x)).toList();
    }

    private static String norm(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }
}
