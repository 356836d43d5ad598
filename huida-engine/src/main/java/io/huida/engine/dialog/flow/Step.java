package io.huida.engine.dialog.flow;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One action of a flow, run in order once the flow's required slots are filled. Every step may carry a
 * {@code when} condition; a step whose condition does not hold is skipped.
 */
public sealed interface Step permits Step.Answer, Step.Http, Step.Confirm, Step.Ticket, Step.Handoff {

    /** The step runs only when this holds. */
    Condition when();

    /** Says a template to the customer, {@code {variable}} placeholders filled in. */
    record Answer(Condition when, LocalizedText template) implements Step {
        public Answer {
            Objects.requireNonNull(when, "when");
            Objects.requireNonNull(template, "template");
        }
    }

    /**
     * Calls a business system; the response's fields become variables for later steps.
     *
     * @param method   GET, POST, PUT, PATCH or DELETE
     * @param url      the URL, {@code {variable}} placeholders URL-encoded when filled in
     * @param headers  extra request headers (values may use placeholders)
     * @param body     the request body (JSON; placeholders JSON-escaped), or null
     * @param timeout  per attempt
     * @param retries  further attempts after a failed one (connection error, timeout or HTTP 5xx)
     * @param fields   variable name → JSON pointer into the response ({@code /data/status})
     * @param failure  what the bot says when the call finally fails, before handing over
     */
    record Http(Condition when, String method, String url, Map<String, String> headers, String body,
                Duration timeout, int retries, Map<String, String> fields, LocalizedText failure) implements Step {
        public Http {
            Objects.requireNonNull(when, "when");
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(url, "url");
            headers = Map.copyOf(headers);
            Objects.requireNonNull(timeout, "timeout");
            fields = Map.copyOf(fields);
            Objects.requireNonNull(failure, "failure");
        }
    }

    /**
     * Asks the customer a yes/no question, e.g. before a change ("确认把地址改为 {address} 吗？") or after self-help
     * steps ("问题解决了吗？"). "是/确认/好的/对/yes" is {@code yes}, "不/不用/取消/没有/no" is {@code no}; the answer is
     * stored in {@code variable} for later steps' conditions. When {@code declined} is set, "no" ends the flow
     * with that text; otherwise the flow goes on either way.
     *
     * @param variable the variable that receives {@code yes} or {@code no} (default {@code confirmed})
     * @param declined what the bot says when "no" ends the flow, or null when the flow continues on "no"
     */
    record Confirm(Condition when, LocalizedText question, String variable, LocalizedText declined) implements Step {
        public Confirm {
            Objects.requireNonNull(when, "when");
            Objects.requireNonNull(question, "question");
            Objects.requireNonNull(variable, "variable");
        }
    }

    /**
     * Creates a work order.
     *
     * @param category the order's category (e.g. 宽带故障), also the skill it is dispatched to
     * @param title    its title (placeholders allowed)
     * @param message  what the customer is told ({@code {ticket_id}} is the new order's number)
     */
    record Ticket(Condition when, String category, LocalizedText title, LocalizedText message) implements Step {
        public Ticket {
            Objects.requireNonNull(when, "when");
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * Hands the conversation to a human agent; ends the flow.
     *
     * @param reason  why (shown to the agent)
     * @param skill   the skill the conversation needs (e.g. 信用卡), or null
     * @param message what the customer is told
     */
    record Handoff(Condition when, String reason, String skill, LocalizedText message) implements Step {
        public Handoff {
            Objects.requireNonNull(when, "when");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }
}
