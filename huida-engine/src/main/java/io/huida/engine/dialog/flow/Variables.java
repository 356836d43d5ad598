package io.huida.engine.dialog.flow;

import org.yaml.snakeyaml.nodes.Node;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The variables known at one point of a flow while its file is read: the customer's attributes, the slots so
 * far, and what earlier steps produced. Templates and conditions may only use known variables.
 */
final class Variables {

    /** Customer attributes every flow may use. */
    static final List<String> CUSTOMER = List.of("customer.segment", "customer.vip", "customer.name", "customer.id");

    private final Set<String> known = new LinkedHashSet<>();

    Variables() {
        known.addAll(CUSTOMER);
    }

    void add(String name) {
        known.add(name);
    }

    /** Checks the placeholders of both languages of {@code text} ({@code what} names it in errors). */
    void check(Node node, LocalizedText text, String what) {
        if (text != null) {
            check(node, text.zh(), what);
            check(node, text.en(), what);
        }
    }

    void check(Node node, String template, String what) {
        if (template == null) {
            return;
        }
        for (String name : Templates.placeholders(template)) {
            if (!known.contains(name)) {
                throw unknown(node, what, "{" + name + "}", name);
            }
        }
    }

    /** The {@code when} condition of {@code map} (ALWAYS when absent), parsed and checked. */
    Condition when(YamlMap map) {
        Node node = map.node("when");
        if (node == null) {
            return Condition.ALWAYS;
        }
        Condition condition;
        try {
            condition = Conditions.parse(map.text(node, "when"));
        } catch (IllegalArgumentException e) {
            throw YamlMap.error(node, map.context() + " has an invalid " + e.getMessage());
        }
        for (String name : condition.variables()) {
            if (!known.contains(name)) {
                throw unknown(node, map.context() + "'s condition", "'" + name + "'", name);
            }
        }
        return condition;
    }

    private FlowFormatException unknown(Node node, String what, String shown, String name) {
        String near = Suggestions.nearest(name, known);
        String hint = near != null ? "; did you mean '" + near + "'?" : "";
        return YamlMap.error(node, what + " uses unknown variable " + shown + " (known: " + String.join(", ", new ArrayList<>(known))
                + ")" + hint);
    }
}
