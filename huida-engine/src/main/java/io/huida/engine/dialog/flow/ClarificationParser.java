package io.huida.engine.dialog.flow;

import org.yaml.snakeyaml.nodes.Node;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads one clarification of a flows file; its choices' flows must be flows of the same file. */
final class ClarificationParser {

    private static final List<String> KEYS = List.of("id", "triggers", "question", "choices");
    private static final List<String> CHOICE_KEYS = List.of("label", "keywords", "flow", "faq", "answer");
    private static final List<String> TARGETS = List.of("flow", "faq", "answer");

    private final Set<String> flows;

    /** @param flows the ids of the file's flows */
    ClarificationParser(Set<String> flows) {
        this.flows = Set.copyOf(flows);
    }

    Clarification clarification(Node node, Map<String, Node> ids) {
        String what = FlowParser.described(node, "id", "a clarification", "clarification '%s'");
        YamlMap map = YamlMap.of(node, what, KEYS);
        String id = FlowParser.id(map, "clarification", ids);
        List<String> triggers = FlowParser.triggers(map, what);
        LocalizedText question = map.requiredLocalized("question");
        new Variables().check(map.node("question"), question, what);
        List<Node> nodes = map.list("choices");
        if (nodes.size() < 2) {
            throw YamlMap.error(map.has("choices") ? map.node("choices") : map.node("id"),
                    what + " has " + nodes.size() + " choices (at least 2 are needed)");
        }
        List<Clarification.Choice> choices = new ArrayList<>();
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            Clarification.Choice choice = choice(nodes.get(i), "choice " + (i + 1) + " of " + what);
            if (!labels.add(choice.label().zh()) || !labels.add("en:" + choice.label().en())) {
                throw YamlMap.error(nodes.get(i), what + " has the choice '" + choice.label().zh() + "' twice");
            }
            choices.add(choice);
        }
        return new Clarification(id, triggers, question, choices);
    }

    private Clarification.Choice choice(Node node, String what) {
        YamlMap map = YamlMap.of(node, what, CHOICE_KEYS);
        LocalizedText label = map.requiredLocalized("label");
        List<String> keywords = map.strings("keywords");
        List<String> targets = map.present(Set.copyOf(TARGETS));
        if (targets.size() != 1) {
            throw map.error(what + " must name exactly one of flow, faq or answer"
                    + (targets.isEmpty() ? "" : ", got " + String.join(" and ", targets)));
        }
        String flow = map.optionalString("flow");
        if (flow != null && !flows.contains(flow)) {
            String near = Suggestions.nearest(flow, flows);
            throw YamlMap.error(map.node("flow"), what + " names flow '" + flow + "', which is not in the file"
                    + (near == null ? "" : "; did you mean '" + near + "'?"));
        }
        LocalizedText answer = map.localized("answer");
        new Variables().check(map.node("answer"), answer, what);
        return new Clarification.Choice(label, keywords, flow, map.optionalString("faq"), answer);
    }
}
