package io.huida.engine.nlu.emotion;

import java.util.Arrays;
import java.util.Locale;

/** What a lexicon cue does: add evidence for a label, or modify the evidence of the cues after it. */
enum CueKind {
    /** Evidence of anger. */
    ANGRY(true),
    /** Evidence of worry or urgency. */
    ANXIOUS(true),
    /** Evidence of sadness, disappointment or helplessness. */
    SAD(true),
    /** Evidence of thanks, praise or a solved problem. */
    SATISFIED(true),
    /** Thanks: satisfaction, except inside a request or question, where it is only politeness. */
    THANKS(true),
    /**
     * A fact customers complain about (lost, again, 送错): weak anger, and the context that makes praise ironic and
     * blame count. Negation does not cancel it: "didn't show up again" is still a complaint.
     */
    COMPLAINT(true),
    /** Blame addressed to the company (你们, you people): anger, but only next to a grievance. */
    BLAME(true),
    /** A sarcasm marker (呵呵, thanks for nothing): anger, and any praise in the message turns into anger. */
    SARCASM(true),
    /** Praise that is ironic next to a complaint (great job, 👍) and sincere otherwise. */
    IRONY(true),
    /** Flips or cancels the evidence of the next cue in its clause (不, not, never). */
    NEGATION(false),
    /** Makes the next cue in its clause hypothetical (如果, what happens if), which cancels it. */
    HYPOTHETICAL(false),
    /** Multiplies the evidence of the next cue by its weight (> 1). */
    INTENSIFIER(false),
    /** Multiplies the evidence of the next cue by its weight (< 1). */
    DOWNTONER(false),
    /** A request or question marker (请, 麻烦, please, can you): thanks next to it is politeness. */
    REQUEST(false),
    /** A turn in the message (但是, but): the clause after it counts more. */
    CONTRAST(false),
    /** An emotional word used literally (伤心太平洋, angry birds): matched only to hide the words inside it. */
    LITERAL(false);

    private final boolean evidence;

    CueKind(boolean evidence) {
        this.evidence = evidence;
    }

    /** True when the cue carries evidence for a label rather than modifying other cues. */
    boolean evidence() {
        return evidence;
    }

    /** True for the words of a feeling (angry, anxious, sad, satisfied, thanks), which a hypothetical cancels. */
    boolean feeling() {
        return this == ANGRY || this == ANXIOUS || this == SAD || this == SATISFIED || this == THANKS;
    }

    /** True when the weight column is required: evidence, intensifiers and down-toners. */
    boolean weighted() {
        return evidence || this == INTENSIFIER || this == DOWNTONER;
    }

    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static CueKind parse(String key) {
        for (CueKind kind : values()) {
            if (kind.key().equals(key)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown kind '" + key + "', expected one of "
                + Arrays.stream(values()).map(CueKind::key).toList());
    }
}
