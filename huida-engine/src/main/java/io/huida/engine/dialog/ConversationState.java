package io.huida.engine.dialog;

import io.huida.engine.nlu.emotion.Emotion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything the dialog engine remembers about one conversation between messages. Immutable; each turn returns
 * the next state, which the caller stores (it serialises to JSON as a plain record tree).
 *
 * @param flow         the flow in progress, or null
 * @param suspended    a flow interrupted by another question, offered to resume, or null
 * @param pending      options offered and not yet picked, or null
 * @param context      what the last answered turn was about, or null
 * @param failures     consecutive turns the bot could not answer (FALLBACK or CLARIFY)
 * @param emotions     the emotions of the recent customer turns, oldest first
 * @param transcript   the recent turns, personal data masked, oldest first
 * @param workOrders   work orders created in this conversation
 * @param handedOff    the handoff reason once the conversation went to a human, else null
 * @param facts        the latest value of each entity type the customer mentioned, personal data masked (for the
 *                     agent's summary)
 * @param language     {@code zh} or {@code en}: the conversation's language so far (a reply of only digits or an
 *                     order number keeps it), or null before the first message
 */
public record ConversationState(ActiveFlow flow, ActiveFlow suspended, PendingChoice pending, DialogContext context,
                                int failures, List<Emotion> emotions, List<Turn> transcript, List<WorkOrder> workOrders,
                                String handedOff, Map<String, String> facts, String language) {

    /** Most customer emotions kept for the trend. */
    public static final int MAX_EMOTIONS = 10;
    /** Most transcript lines kept for the summary. */
    public static final int MAX_TRANSCRIPT = 30;

    /** The state of a new conversation. */
    public static final ConversationState NEW = new ConversationState(null, null, null, null, 0, List.of(), List.of(),
            List.of(), null, Map.of(), null);

    public ConversationState {
        emotions = List.copyOf(emotions == null ? List.of() : emotions);
        transcript = List.copyOf(transcript == null ? List.of() : transcript);
        workOrders = List.copyOf(workOrders == null ? List.of() : workOrders);
        facts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facts == null ? Map.of() : facts));
    }

    ConversationState withLanguage(String l) {
        return new ConversationState(flow, suspended, pending, context, failures, emotions, transcript, workOrders, handedOff,
                facts, l);
    }

    ConversationState withFacts(Map<String, String> f) {
        return new ConversationState(flow, suspended, pending, context, failures, emotions, transcript, workOrders, handedOff, f, language);
    }

    ConversationState withFlow(ActiveFlow f) {
        return new ConversationState(f, suspended, pending, context, failures, emotions, transcript, workOrders, handedOff, facts, language);
    }

    ConversationState withSuspended(ActiveFlow s) {
        return new ConversationState(flow, s, pending, context, failures, emotions, transcript, workOrders, handedOff, facts, language);
    }

    ConversationState withPending(PendingChoice p) {
        return new ConversationState(flow, suspended, p, context, failures, emotions, transcript, workOrders, handedOff, facts, language);
    }

    ConversationState withContext(DialogContext c) {
        return new ConversationState(flow, suspended, pending, c, failures, emotions, transcript, workOrders, handedOff, facts, language);
    }

    ConversationState withFailures(int n) {
        return new ConversationState(flow, suspended, pending, context, n, emotions, transcript, workOrders, handedOff, facts, language);
    }

    ConversationState withHandedOff(String reason) {
        return new ConversationState(flow, suspended, pending, context, failures, emotions, transcript, workOrders, reason, facts, language);
    }

    ConversationState withEmotion(Emotion e) {
        return new ConversationState(flow, suspended, pending, context, failures, append(emotions, e, MAX_EMOTIONS),
                transcript, workOrders, handedOff, facts, language);
    }

    ConversationState withTurn(Turn t) {
        return new ConversationState(flow, suspended, pending, context, failures, emotions,
                append(transcript, t, MAX_TRANSCRIPT), workOrders, handedOff, facts, language);
    }

    ConversationState withWorkOrders(List<WorkOrder> all) {
        return new ConversationState(flow, suspended, pending, context, failures, emotions, transcript, all, handedOff, facts,
                language);
    }

    ConversationState withWorkOrder(WorkOrder w) {
        List<WorkOrder> all = new ArrayList<>(workOrders);
        all.add(w);
        return new ConversationState(flow, suspended, pending, context, failures, emotions, transcript, all, handedOff, facts, language);
    }

    private static <T> List<T> append(List<T> list, T item, int max) {
        List<T> out = new ArrayList<>(list);
        out.add(item);
        return out.size() > max ? out.subList(out.size() - max, out.size()) : out;
    }
}
