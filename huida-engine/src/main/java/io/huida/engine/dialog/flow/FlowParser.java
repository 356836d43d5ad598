package io.huida.engine.dialog.flow;

import io.huida.engine.nlu.entity.Entity;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a flows file (YAML, format in {@code docs/flows.md}) into a {@link FlowSet}, checking everything a dialog
 * needs at import time: unknown keys (with a suggestion for near misses), ids, triggers, slots, steps, durations,
 * URLs, conditions and that every {@code {placeholder}} names a variable that exists at that point.
 *
 * <p>Loading is safe: only plain YAML types (no tags, no object construction), at most 1 MiB, 500 flows and 500
 * clarifications, few aliases, no duplicate keys. Every error is a {@link FlowFormatException} naming the line.
 * Instances are stateless and thread-safe.
 */
public final class FlowParser {

    /** The largest file accepted, in UTF-8 bytes. */
    public static final int MAX_BYTES = 1 << 20;
    /** The most flows (and, separately, clarifications) in one file. */
    public static final int MAX_FLOWS = 500;
    /** The fewest triggers of a flow or clarification. */
    public static final int MIN_TRIGGERS = 3;
    /** The slot sources beyond the recognizer's entity types. */
    public static final List<String> ENTITY_TYPES = List.of(Entity.PHONE, Entity.EMAIL, Entity.ORDER_NUMBER,
            Entity.DATETIME, Entity.MONEY, Entity.QUANTITY, Entity.ID_CARD, Entity.BANK_CARD, Entity.LOCATION,
            Entity.PRODUCT, Slot.CHOICE, Slot.TEXT);

    static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");
    static final Duration DEFAULT_EXPIRY = Duration.ofMinutes(30);
    private static final int MAX_TRIGGERS = 1000;
    private static final List<String> FLOW_KEYS = List.of("id", "name", "triggers", "expiry", "risk", "slots", "steps");
    private static final List<String> SLOT_KEYS = List.of("name", "entity", "prompt", "required", "max_retries",
            "validate", "invalid", "choices", "when");

    /** Parses a flows file; an empty file is an empty set. */
    public FlowSet parse(String yaml) {
        if (yaml.length() > MAX_BYTES / 3 && yaml.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new FlowFormatException(0, 0, "the flows file is larger than 1 MiB");
        }
        Node root = compose(yaml);
        if (root == null || YamlMap.isNull(root)) {
            return FlowSet.empty();
        }
        SafeTags.check(root);
        YamlMap file = YamlMap.of(root, "the flows file", List.of("flows", "clarifications"));
        Map<String, Node> ids = new HashMap<>();
        List<Flow> flows = new ArrayList<>();
        for (Node node : limited(file, "flows")) {
            flows.add(flow(node, ids));
        }
        ClarificationParser clarificationParser = new ClarificationParser(Set.copyOf(ids.keySet()));
        List<Clarification> clarifications = new ArrayList<>();
        for (Node node : limited(file, "clarifications")) {
            clarifications.add(clarificationParser.clarification(node, ids));
        }
        return new FlowSet(flows, clarifications);
    }

    /** Reads and parses a flows file; the reader is not closed. */
    public FlowSet parse(Reader reader) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        for (int n; (n = reader.read(buffer)) >= 0; ) {
            text.append(buffer, 0, n);
            if (text.length() > MAX_BYTES) {
                throw new FlowFormatException(0, 0, "the flows file is larger than 1 MiB");
            }
        }
        return parse(text.toString());
    }

    private static Node compose(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit(MAX_BYTES);
        try {
            return new Yaml(options).compose(new java.io.StringReader(yaml));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
            String reason = "not valid YAML: " + (e.getContext() == null ? "" : e.getContext() + ", ") + problem;
            return throwAt(mark, reason);
        } catch (YAMLException e) {
            throw new FlowFormatException(0, 0, "not valid YAML: " + e.getMessage());
        }
    }

    private static Node throwAt(Mark mark, String reason) {
        throw mark == null ? new FlowFormatException(0, 0, reason)
                : new FlowFormatException(mark.getLine() + 1, mark.getColumn() + 1, reason);
    }

    private static List<Node> limited(YamlMap file, String key) {
        List<Node> nodes = file.list(key);
        if (nodes.size() > MAX_FLOWS) {
            throw YamlMap.error(file.node(key), "the flows file has " + nodes.size() + " " + key + " (at most " + MAX_FLOWS + ")");
        }
        return nodes;
    }

    /** How errors name a mapping: by its id or name when it has one ({@code flow 'x'}), else generically. */
    static String described(Node node, String key, String generic, String format) {
        String value = YamlMap.peek(node, key);
        return value == null || value.isEmpty() ? generic : String.format(format, value);
    }

    /** Reads {@code id}, checks its form and that no flow or clarification uses it already. */
    static String id(YamlMap map, String kind, Map<String, Node> ids) {
        String id = map.string("id");
        Node node = map.node("id");
        if (!ID.matcher(id).matches()) {
            throw YamlMap.error(node, kind + " id '" + id + "' must match " + ID.pattern() + " (lower-case letters, digits, _)");
        }
        Node earlier = ids.putIfAbsent(id, node);
        if (earlier != null) {
            throw YamlMap.error(node, kind + " id '" + id + "' is already used on line " + (earlier.getStartMark().getLine() + 1));
        }
        return id;
    }

    /** The triggers of a flow or clarification: at least 3, distinct, not blank. */
    static List<String> triggers(YamlMap map, String what) {
        List<String> triggers = map.strings("triggers");
        if (triggers.size() < MIN_TRIGGERS || triggers.size() > MAX_TRIGGERS) {
            throw YamlMap.error(map.has("triggers") ? map.node("triggers") : map.node("id"), what + " has " + triggers.size()
                    + " triggers (at least " + MIN_TRIGGERS + ", at most " + MAX_TRIGGERS + " example messages are needed)");
        }
        Set<String> seen = new HashSet<>();
        List<Node> nodes = map.list("triggers");
        for (int i = 0; i < triggers.size(); i++) {
            if (!seen.add(triggers.get(i))) {
                throw YamlMap.error(nodes.get(i), what + " has the trigger '" + triggers.get(i) + "' twice");
            }
        }
        return triggers;
    }

    private Flow flow(Node node, Map<String, Node> ids) {
        String what = described(node, "id", "a flow", "flow '%s'");
        YamlMap map = YamlMap.of(node, what, FLOW_KEYS);
        String id = id(map, "flow", ids);
        LocalizedText name = map.has("name") ? map.requiredLocalized("name") : LocalizedText.of(id);
        List<String> triggers = triggers(map, what);
        Duration expiry = map.duration("expiry", DEFAULT_EXPIRY, Duration.ofSeconds(10), Duration.ofHours(24));
        String risk = map.optionalString("risk");
        if (risk != null && !ID.matcher(risk).matches()) {
            throw YamlMap.error(map.node("risk"), what + " has risk '" + risk + "', which must match " + ID.pattern());
        }
        Variables variables = new Variables();
        List<Slot> slots = new ArrayList<>();
        Map<String, Node> slotNames = new LinkedHashMap<>();
        for (Node slotNode : map.list("slots")) {
            Slot slot = slot(slotNode, what, variables);
            if (slotNames.putIfAbsent(slot.name(), slotNode) != null) {
                throw YamlMap.error(slotNode, what + " has two slots named '" + slot.name() + "'");
            }
            slots.add(slot);
            variables.add(slot.name());
        }
        List<Step> steps = new StepParser(id, variables).steps(map);
        return new Flow(id, name, triggers, slots, steps, expiry, risk);
    }

    private static Slot slot(Node node, String flow, Variables variables) {
        String what = described(node, "name", "a slot", "slot '%s'") + " of " + flow;
        YamlMap map = YamlMap.of(node, what, SLOT_KEYS);
        String name = map.string("name");
        if (!ID.matcher(name).matches()) {
            throw YamlMap.error(map.node("name"), "slot name '" + name + "' of " + flow + " must match " + ID.pattern());
        }
        String entity = map.string("entity");
        if (!ENTITY_TYPES.contains(entity)) {
            String near = Suggestions.nearest(entity, ENTITY_TYPES);
            throw YamlMap.error(map.node("entity"), what + " has unknown entity type '" + entity + "' (known: "
                    + String.join(", ", ENTITY_TYPES) + ")" + (near == null ? "" : "; did you mean '" + near + "'?"));
        }
        LocalizedText prompt = map.requiredLocalized("prompt");
        variables.check(map.node("prompt"), prompt, what);
        Condition when = variables.when(map);
        List<String> choices = map.strings("choices");
        if (Slot.CHOICE.equals(entity) && (choices.size() < 2 || new HashSet<>(choices).size() != choices.size())) {
            throw YamlMap.error(map.has("choices") ? map.node("choices") : map.node("entity"), what
                    + " is a choice slot and needs at least 2 different choices, got " + choices);
        }
        if (!Slot.CHOICE.equals(entity) && !choices.isEmpty()) {
            throw YamlMap.error(map.node("choices"), what + " has choices but its entity is '" + entity + "' (use entity: choice)");
        }
        Pattern validation = null;
        if (map.has("validate")) {
            String regex = map.string("validate");
            try {
                validation = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw YamlMap.error(map.node("validate"), what + " has an invalid pattern '" + regex + "': "
                        + e.getDescription() + " near index " + e.getIndex());
            }
        }
        LocalizedText invalid = map.localized("invalid");
        variables.check(map.node("invalid"), invalid, what);
        return new Slot(name, entity, prompt, map.bool("required", true), map.integer("max_retries", 2, 0, 10),
                validation, invalid, choices, when);
    }

    /** Rejects tags beyond plain YAML types anywhere in the document. */
    private static final class SafeTags {
        private static final Set<String> ALLOWED = Set.of("str", "int", "float", "bool", "null", "timestamp", "map", "seq");

        static void check(Node root) {
            java.util.IdentityHashMap<Node, Boolean> seen = new java.util.IdentityHashMap<>();
            java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>(List.of(root));
            while (!todo.isEmpty()) {
                Node n = todo.pop();
                if (seen.put(n, Boolean.TRUE) != null) {
                    continue;
                }
                String tag = n.getTag().getValue();
                if (!tag.startsWith(org.yaml.snakeyaml.nodes.Tag.PREFIX) || !ALLOWED.contains(tag.substring(tag.lastIndexOf(':') + 1))) {
                    throw YamlMap.error(n, "tag '" + tag + "' is not allowed (plain texts, numbers, lists and mappings only)");
                }
                if (n instanceof org.yaml.snakeyaml.nodes.MappingNode m) {
                    m.getValue().forEach(t -> {
                        todo.push(t.getValueNode());
                        todo.push(t.getKeyNode());
                    });
                } else if (n instanceof org.yaml.snakeyaml.nodes.SequenceNode s) {
                    s.getValue().forEach(todo::push);
                } else if (!(n instanceof ScalarNode)) {
                    throw YamlMap.error(n, "unexpected YAML node");
                }
            }
        }
    }
}
