package io.huida.bench;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The multi-turn scenarios of a dialog benchmark set ({@code scenarios.yaml}): each scenario is a customer and the
 * messages they send, each message with what the reply must show.
 */
final class DialogScenarios {

    /** The expectation keys a turn may use. */
    static final Set<String> KEYS = Set.of("type", "flowId", "slot", "faqId", "textContains", "textNotContains",
            "choices", "intent", "entities", "emotion", "risks", "handoffReason", "handoffSkill", "summaryContains");

    private static final Set<String> SCENARIO_KEYS = Set.of("id", "category", "description", "customer", "channel", "turns");
    private static final Set<String> CUSTOMER_KEYS = Set.of("segment", "vip", "name");

    private DialogScenarios() {
    }

    /** A scenario: who speaks, on which channel, and the turns in order. */
    record Scenario(String id, String category, String description, String segment, boolean vip, String name,
                    String channel, List<TurnSpec> turns) {
        Scenario {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(category, "category");
            turns = List.copyOf(turns);
        }
    }

    /** One customer message and its expectations (key → value as read from YAML; a key may hold null). */
    record TurnSpec(String say, Map<String, Object> expect) {
        TurnSpec {
            Objects.requireNonNull(say, "say");
            expect = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(expect));
        }
    }

    /**
     * Reads a scenarios file: a mapping with {@code scenarios}, a list of scenarios.
     *
     * @throws IllegalArgumentException naming the scenario and turn when something is missing or unknown
     */
    static List<Scenario> parse(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object root = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
                options, new NoDates()).load(yaml);
        if (!(root instanceof Map<?, ?> top) || !(top.get("scenarios") instanceof List<?> list)) {
            throw new IllegalArgumentException("the scenarios file must be a mapping with a list 'scenarios'");
        }
        List<Scenario> out = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            Scenario s = scenario(list.get(i), i + 1);
            if (!ids.add(s.id())) {
                throw new IllegalArgumentException("scenario id '" + s.id() + "' is used twice");
            }
            out.add(s);
        }
        return out;
    }

    private static Scenario scenario(Object node, int n) {
        Map<String, Object> m = map(node, "scenario " + n);
        String where = "scenario " + n + (m.get("id") == null ? "" : " '" + m.get("id") + "'");
        unknown(m.keySet(), SCENARIO_KEYS, where);
        String id = text(m, "id", where, true);
        String category = text(m, "category", where, true);
        Map<String, Object> customer = m.get("customer") == null ? Map.of() : map(m.get("customer"), where + " customer");
        unknown(customer.keySet(), CUSTOMER_KEYS, where + " customer");
        if (!(m.get("turns") instanceof List<?> turns) || turns.isEmpty()) {
            throw new IllegalArgumentException(where + " needs a non-empty list 'turns'");
        }
        List<TurnSpec> specs = new ArrayList<>();
        for (int t = 0; t < turns.size(); t++) {
            String tw = where + " turn " + (t + 1);
            Map<String, Object> turn = map(turns.get(t), tw);
            unknown(turn.keySet(), Set.of("say", "expect"), tw);
            String say = text(turn, "say", tw, true);
            Map<String, Object> expect = turn.get("expect") == null ? Map.of() : map(turn.get("expect"), tw + " expect");
            unknown(expect.keySet(), KEYS, tw + " expect");
            specs.add(new TurnSpec(say, expect));
        }
        return new Scenario(id, category, text(m, "description", where, false), text(customer, "segment", where, false),
                Boolean.TRUE.equals(customer.get("vip")), text(customer, "name", where, false),
                m.get("channel") == null ? "web" : m.get("channel").toString(), specs);
    }

    /** YAML's usual implicit types except timestamps: an unquoted {@code 2026-11-24} in a text stays that text. */
    private static final class NoDates extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO", 10);
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(Tag.MERGE, MERGE, "<", 10);
            addImplicitResolver(Tag.NULL, NULL, "~nN\0", 10);
            addImplicitResolver(Tag.NULL, EMPTY, null, 10);
            addImplicitResolver(Tag.YAML, YAML, "!&*", 10);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node, String where) {
        if (!(node instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(where + " must be a mapping, got " + node);
        }
        return (Map<String, Object>) m;
    }

    private static String text(Map<String, Object> m, String key, String where, boolean required) {
        Object v = m.get(key);
        if (v == null && required) {
            throw new IllegalArgumentException(where + " has no '" + key + "'");
        }
        return v == null ? null : v.toString();
    }

    private static void unknown(Set<String> keys, Set<String> allowed, String where) {
        for (String k : keys) {
            if (!allowed.contains(k)) {
                throw new IllegalArgumentException(where + " has unknown key '" + k + "' (allowed: "
                        + allowed.stream().sorted().toList() + ")");
            }
        }
    }
}
