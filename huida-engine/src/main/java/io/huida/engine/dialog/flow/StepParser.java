package io.huida.engine.dialog.flow;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads the {@code steps} of one flow, tracking the variables each step makes available to the next. */
final class StepParser {

    static final List<String> TYPES = List.of("answer", "http", "confirm", "ticket", "handoff");
    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
    static final LocalizedText DEFAULT_FAILURE = new LocalizedText("抱歉，系统暂时无法处理您的请求，正在为您转接人工客服。",
            "Sorry, the system cannot handle your request right now; let me get you a human agent.");
    private static final List<String> STEP_KEYS = List.of("when", "answer", "http", "confirm", "ticket", "handoff");
    private static final Pattern HEADER = Pattern.compile("[A-Za-z0-9-]+");

    private final String flow;
    private final Variables variables;

    StepParser(String flow, Variables variables) {
        this.flow = flow;
        this.variables = variables;
    }

    List<Step> steps(YamlMap flowMap) {
        List<Node> nodes = flowMap.list("steps");
        if (nodes.isEmpty()) {
            throw flowMap.error("flow '" + flow + "' has no steps (at least one is needed)");
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            steps.add(step(nodes.get(i), i + 1));
        }
        return steps;
    }

    private Step step(Node node, int number) {
        YamlMap map = YamlMap.of(node, "step " + number + " of flow '" + flow + "'", STEP_KEYS);
        List<String> types = map.present(java.util.Set.copyOf(TYPES));
        if (types.size() != 1) {
            throw map.error("step " + number + " of flow '" + flow + "' must have exactly one of " + String.join(", ", TYPES)
                    + (types.isEmpty() ? "" : ", got " + String.join(" and ", types)));
        }
        String type = types.get(0);
        String context = "step " + number + " (" + type + ") of flow '" + flow + "'";
        YamlMap step = YamlMap.of(node, context, STEP_KEYS);
        Condition when = variables.when(step);
        Node body = step.required(type);
        return switch (type) {
            case "answer" -> {
                LocalizedText text = step.requiredLocalized("answer");
                variables.check(body, text, context);
                yield new Step.Answer(when, text);
            }
            case "http" -> http(when, body, context);
            case "confirm" -> confirm(when, step, body, context);
            case "ticket" -> ticket(when, body, context);
            default -> handoff(when, body, context);
        };
    }

    private Step http(Condition when, Node node, String context) {
        YamlMap map = YamlMap.of(node, context, List.of("method", "url", "headers", "body", "timeout", "retries", "fields", "failure"));
        String method = map.has("method") ? map.string("method").toUpperCase(java.util.Locale.ROOT) : "GET";
        if (!METHODS.contains(method)) {
            throw YamlMap.error(map.node("method"), context + " has method '" + map.string("method") + "' (allowed: "
                    + String.join(", ", METHODS) + ")");
        }
        String url = map.string("url");
        checkUrl(map.node("url"), url, context);
        Map<String, String> headers = map.textMap("headers", HEADER);
        headers.values().forEach(v -> variables.check(map.node("headers"), v, context));
        String body = map.has("body") ? bodyTemplate(map.node("body")) : null;
        variables.check(map.node("body"), body, context);
        Duration timeout = map.duration("timeout", DEFAULT_TIMEOUT, Duration.ofMillis(100), Duration.ofSeconds(30));
        int retries = map.integer("retries", 0, 0, 3);
        Map<String, String> fields = map.textMap("fields", FlowParser.ID);
        fields.forEach((name, pointer) -> {
            if (!pointer.startsWith("/")) {
                throw YamlMap.error(map.node("fields"), context + " maps field '" + name + "' to '" + pointer
                        + "', which is no JSON pointer (like /data/status)");
            }
        });
        LocalizedText failure = map.localized("failure");
        variables.check(map.node("failure"), failure, context);
        fields.keySet().forEach(variables::add);
        return new Step.Http(when, method, url, headers, body, timeout, retries, fields,
                failure == null ? DEFAULT_FAILURE : failure);
    }

    private void checkUrl(Node node, String url, String context) {
        variables.check(node, url, context);
        boolean absolute = url.startsWith("http://") || url.startsWith("https://");
        if (!absolute && !url.startsWith("/")) {
            throw YamlMap.error(node, context + " has url '" + url + "', which is neither absolute (http:// or https://) "
                    + "nor relative to the business base URL (starting with /)");
        }
        String probe = url.replaceAll("\\{[a-z][a-z0-9_.]*}", "x");
        try {
            URI uri = new URI(probe);
            if (absolute && uri.getHost() == null) {
                throw new URISyntaxException(probe, "no host");
            }
        } catch (URISyntaxException e) {
            throw YamlMap.error(node, context + " has url '" + url + "', which is not a valid URL (" + e.getReason() + ")");
        }
    }

    /** A body given as text is a template as it is; a mapping or list is written as a JSON template. */
    private static String bodyTemplate(Node node) {
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        StringBuilder out = new StringBuilder();
        json(node, out);
        return out.toString();
    }

    private static void json(Node node, StringBuilder out) {
        if (node instanceof MappingNode m) {
            out.append("{{");
            String sep = "";
            for (NodeTuple t : m.getValue()) {
                out.append(sep).append('"').append(Templates.jsonEscape(((ScalarNode) t.getKeyNode()).getValue())).append("\":");
                json(t.getValueNode(), out);
                sep = ",";
            }
            out.append("}}");
        } else if (node instanceof SequenceNode seq) {
            out.append('[');
            for (int i = 0; i < seq.getValue().size(); i++) {
                out.append(i == 0 ? "" : ",");
                json(seq.getValue().get(i), out);
            }
            out.append(']');
        } else {
            ScalarNode s = (ScalarNode) node;
            Tag tag = s.getTag();
            if (Tag.NULL.equals(tag)) {
                out.append("null");
            } else if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag) || Tag.BOOL.equals(tag)) {
                out.append(s.getValue());
            } else {
                out.append('"').append(Templates.jsonEscape(s.getValue())).append('"');
            }
        }
    }

    private Step confirm(Condition when, YamlMap step, Node node, String context) {
        if (node instanceof ScalarNode) {
            LocalizedText question = step.requiredLocalized("confirm");
            variables.check(node, question, context);
            variables.add("confirmed");
            return new Step.Confirm(when, question, "confirmed", null);
        }
        YamlMap map = YamlMap.of(node, context, List.of("question", "variable", "declined"));
        LocalizedText question = map.requiredLocalized("question");
        variables.check(map.node("question"), question, context);
        String variable = map.has("variable") ? map.string("variable") : "confirmed";
        if (!FlowParser.ID.matcher(variable).matches()) {
            throw YamlMap.error(map.node("variable"), context + " has an invalid variable name '" + variable
                    + "' (expected " + FlowParser.ID.pattern() + ")");
        }
        LocalizedText declined = map.localized("declined");
        variables.check(map.node("declined"), declined, context);
        variables.add(variable);
        return new Step.Confirm(when, question, variable, declined);
    }

    private Step ticket(Condition when, Node node, String context) {
        YamlMap map = YamlMap.of(node, context, List.of("category", "title", "message"));
        String category = map.string("category");
        LocalizedText title = map.requiredLocalized("title");
        variables.check(map.node("title"), title, context);
        variables.add("ticket_id");
        LocalizedText message = map.requiredLocalized("message");
        variables.check(map.node("message"), message, context);
        return new Step.Ticket(when, category, title, message);
    }

    private Step handoff(Condition when, Node node, String context) {
        YamlMap map = YamlMap.of(node, context, List.of("reason", "skill", "message"));
        String reason = map.string("reason");
        String skill = map.optionalString("skill");
        LocalizedText message = map.requiredLocalized("message");
        variables.check(map.node("message"), message, context);
        return new Step.Handoff(when, reason, skill, message);
    }
}
