package io.huida.engine.dialog;

import io.huida.engine.dialog.flow.Clarification;
import io.huida.engine.dialog.flow.Flow;
import io.huida.engine.dialog.flow.FlowSet;
import io.huida.engine.nlu.intent.IntentExample;

import java.util.ArrayList;
import java.util.List;

/** The intent examples of a flow set: each flow's triggers as intent {@code flow:<id>}, each clarification's as {@code clarify:<id>}. */
public final class FlowIntents {

    private FlowIntents() {
    }

    /** The examples to train into the knowledge base's intent model. */
    public static List<IntentExample> examples(FlowSet flows) {
        List<IntentExample> out = new ArrayList<>();
        for (Flow f : flows.flows()) {
            f.triggers().forEach(t -> out.add(new IntentExample(t, f.intent())));
        }
        for (Clarification c : flows.clarifications()) {
            c.triggers().forEach(t -> out.add(new IntentExample(t, c.intent())));
        }
        return out;
    }
}
