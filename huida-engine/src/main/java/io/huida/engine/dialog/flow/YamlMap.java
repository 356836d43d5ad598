package io.huida.engine.dialog.flow;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One mapping of a flows file with typed, validated access to its keys; every error names the line of the node
 * and the mapping's context ({@code slot 'order' of flow 'order_status'}).
 */
final class YamlMap {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})(ms|s|m|h)");

    private final MappingNode node;
    private final String context;
    private final Map<String, Node> values = new LinkedHashMap<>();

    private YamlMap(MappingNode node, String context) {
        this.node = node;
        this.context = context;
    }

    /** Reads {@code node} as a mapping whose keys must be among {@code allowed} (no duplicates). */
    static YamlMap of(Node node, String context, List<String> allowed) {
        if (!(node instanceof MappingNode mapping)) {
            throw error(node, context + " must be a mapping (key: value), got " + describe(node));
        }
        YamlMap map = new YamlMap(mapping, context);
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            String key = keyNode instanceof ScalarNode s ? s.getValue() : null;
            if (key == null || !allowed.contains(key)) {
                throw error(keyNode, "unknown key '" + (key == null ? describe(keyNode) : key) + "' in " + context
                        + Suggestions.hint(key, allowed));
            }
            if (map.values.put(key, tuple.getValueNode()) != null) {
                throw error(keyNode, "duplicate key '" + key + "' in " + context);
            }
        }
        return map;
    }

    /** The text of {@code key} in {@code node} when it is a mapping holding it as a plain text, else null. */
    static String peek(Node node, String key) {
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)
                        && t.getValueNode() instanceof ScalarNode v && !isNull(v)) {
                    return v.getValue().strip();
                }
            }
        }
        return null;
    }

    static FlowFormatException error(Node node, String reason) {
        return new FlowFormatException(node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1, reason);
    }

    FlowFormatException error(String reason) {
        return error(node, reason);
    }

    String context() {
        return context;
    }

    boolean has(String key) {
        Node n = values.get(key);
        return n != null && !isNull(n);
    }

    /** The value node of {@code key}, or null when it is absent or null. */
    Node node(String key) {
        return has(key) ? values.get(key) : null;
    }

    Node required(String key) {
        Node n = node(key);
        if (n == null) {
            throw error(values.containsKey(key) ? values.get(key) : node, context + " has no '" + key + "'");
        }
        return n;
    }

    String string(String key) {
        return text(required(key), key);
    }

    String optionalString(String key) {
        Node n = node(key);
        return n == null ? null : text(n, key);
    }

    /** A scalar's text, not blank. */
    String text(Node n, String key) {
        if (!(n instanceof ScalarNode s)) {
            throw error(n, "'" + key + "' of " + context + " must be a text, got " + describe(n));
        }
        if (s.getValue().isBlank()) {
            throw error(n, "'" + key + "' of " + context + " must not be blank");
        }
        return s.getValue().strip();
    }

    /** A text in both languages: a plain string, or {@code {zh: …, en: …}} (one of them is used for both). */
    LocalizedText localized(String key) {
        Node n = node(key);
        return n == null ? null : localized(n, key);
    }

    LocalizedText requiredLocalized(String key) {
        return localized(required(key), key);
    }

    private LocalizedText localized(Node n, String key) {
        if (n instanceof ScalarNode) {
            return LocalizedText.of(text(n, key));
        }
        YamlMap texts = of(n, "'" + key + "' of " + context, List.of("zh", "en"));
        String zh = texts.optionalString("zh");
        String en = texts.optionalString("en");
        if (zh == null && en == null) {
            throw error(n, "'" + key + "' of " + context + " needs zh or en");
        }
        return new LocalizedText(zh == null ? en : zh, en == null ? zh : en);
    }

    /** The items of a sequence (empty when the key is absent). */
    List<Node> list(String key) {
        Node n = node(key);
        if (n == null) {
            return List.of();
        }
        if (!(n instanceof SequenceNode seq)) {
            throw error(n, "'" + key + "' of " + context + " must be a list, got " + describe(n));
        }
        return seq.getValue();
    }

    List<String> strings(String key) {
        List<String> out = new ArrayList<>();
        for (Node item : list(key)) {
            out.add(text(item, key));
        }
        return out;
    }

    /** A mapping of texts (empty when the key is absent), in file order. */
    Map<String, String> textMap(String key, Pattern keyPattern) {
        Node n = node(key);
        Map<String, String> out = new LinkedHashMap<>();
        if (n == null) {
            return out;
        }
        if (!(n instanceof MappingNode m)) {
            throw error(n, "'" + key + "' of " + context + " must be a mapping, got " + describe(n));
        }
        for (NodeTuple t : m.getValue()) {
            String k = text(t.getKeyNode(), key);
            if (!keyPattern.matcher(k).matches()) {
                throw error(t.getKeyNode(), "'" + key + "' of " + context + " has an invalid name '" + k + "' (expected "
                        + keyPattern.pattern() + ")");
            }
            if (out.put(k, text(t.getValueNode(), key + "." + k)) != null) {
                throw error(t.getKeyNode(), "duplicate key '" + k + "' in '" + key + "' of " + context);
            }
        }
        return out;
    }

    int integer(String key, int defaultValue, int min, int max) {
        Node n = node(key);
        if (n == null) {
            return defaultValue;
        }
        String s = text(n, key);
        try {
            int v = Integer.parseInt(s);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(n, "'" + key + "' of " + context + " must be a whole number from " + min + " to " + max + ", got '" + s + "'");
    }

    boolean bool(String key, boolean defaultValue) {
        Node n = node(key);
        if (n == null) {
            return defaultValue;
        }
        String s = text(n, key);
        return switch (s) {
            case "true" -> true;
            case "false" -> false;
            default -> throw error(n, "'" + key + "' of " + context + " must be true or false, got '" + s + "'");
        };
    }

    /** A duration such as {@code 500ms}, {@code 45s}, {@code 30m} or {@code 2h}, within {@code min..max}. */
    Duration duration(String key, Duration defaultValue, Duration min, Duration max) {
        Node n = node(key);
        if (n == null) {
            return defaultValue;
        }
        String s = text(n, key);
        Matcher m = DURATION.matcher(s);
        if (!m.matches()) {
            throw error(n, "'" + key + "' of " + context + " must be a duration like 500ms, 45s, 30m or 2h, got '" + s + "'");
        }
        long amount = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw error(n, "'" + key + "' of " + context + " must be from " + format(min) + " to " + format(max) + ", got '" + s + "'");
        }
        return d;
    }

    private static String format(Duration d) {
        if (d.toMillis() < 1000) {
            return d.toMillis() + "ms";
        }
        if (d.toSeconds() < 60 || d.toSeconds() % 60 != 0) {
            return d.toSeconds() + "s";
        }
        return d.toMinutes() < 60 || d.toMinutes() % 60 != 0 ? d.toMinutes() + "m" : d.toHours() + "h";
    }

    static boolean isNull(Node n) {
        return n instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
    }

    static String describe(Node n) {
        if (isNull(n)) {
            return "nothing";
        }
        return switch (n.getNodeId()) {
            case scalar -> "'" + ((ScalarNode) n).getValue() + "'";
            case sequence -> "a list";
            case mapping -> "a mapping";
            default -> "an alias";
        };
    }

    /** Every allowed key that is present, in the order given. */
    List<String> present(Set<String> keys) {
        return values.keySet().stream().filter(keys::contains).filter(this::has).toList();
    }
}
