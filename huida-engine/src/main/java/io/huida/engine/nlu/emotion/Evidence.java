package io.huida.engine.nlu.emotion;

import java.util.ArrayList;
import java.util.List;

/**
 * The evidence gathered from one message: a score per label and the cues behind it. Conditional cues (thanks,
 * blame, irony) are held back until the whole message has been read, then {@link #resolve} settles them.
 */
final class Evidence {

    /** The least score a label needs; below it a message is neutral. */
    static final double THRESHOLD = 0.5;
    /**
     * The least evidence anger needs in a statement: lower than for the other labels, as missing anger costs most;
     * in a question or request anger needs the common {@link #THRESHOLD}.
     */
    static final double ANGER_THRESHOLD = 0.4;
    static final int ANGRY = 0;
    static final int ANXIOUS = 1;
    static final int SAD = 2;
    static final int SATISFIED = 3;
    private static final EmotionLabel[] LABELS = {EmotionLabel.ANGRY, EmotionLabel.ANXIOUS, EmotionLabel.SAD,
            EmotionLabel.SATISFIED};
    private static final double POLITE = 0.3;
    private static final double GRIEVANCE = 0.5;
    private static final double SCALE = 1.6;

    private final double[] score = new double[LABELS.length];
    private final List<String> cues = new ArrayList<>();
    private final List<Held> thanks = new ArrayList<>();
    private final List<Held> blame = new ArrayList<>();
    private final List<Held> irony = new ArrayList<>();
    /** A sarcasm marker was seen, or praise turned out ironic. */
    private boolean sarcastic;
    /** Anger, sadness or a complaint fact was seen: the context that makes praise ironic. */
    private boolean complaint;
    /** An angry word was seen: blame counts. */
    private boolean grievance;
    /** The summed weight of complaint facts: blame counts from {@link #GRIEVANCE} on. */
    private double complaints;
    /** The message is a question or request, where anger needs the common threshold. */
    private boolean request;

    /** A conditional cue waiting for the rest of the message. */
    private record Held(String shown, double weight) {
    }

    /**
     * Adds one evidence cue.
     *
     * @param cue     the cue
     * @param shown   the cue with its modifiers, as explanations show it
     * @param negated whether a negation governs the cue
     * @param factor  the product of modifier, clause and capitals factors
     * @param plain   the clause and capitals factor alone, for cues that modifiers do not affect
     */
    void add(EmotionLexicon.Cue cue, String shown, boolean negated, double factor, double plain) {
        double w = cue.weight() * factor;
        switch (cue.kind()) {
            case SATISFIED -> {
                score[negated ? ANGRY : SATISFIED] += w;
                cues.add(negated ? shown + " (negated)" : shown);
            }
            case ANGRY, ANXIOUS, SAD -> {
                if (negated) {
                    cues.add(shown + " (negated)");
                    return;
                }
                int label = cue.kind() == CueKind.ANXIOUS ? ANXIOUS : cue.kind() == CueKind.SAD ? SAD : ANGRY;
                score[label] += w;
                complaint |= label != ANXIOUS;
                grievance |= label == ANGRY;
                cues.add(shown);
            }
            case COMPLAINT -> {
                score[ANGRY] += cue.weight() * plain;
                complaint = true;
                complaints += cue.weight() * plain;
                cues.add(shown);
            }
            case SARCASM -> {
                score[ANGRY] += w;
                sarcastic = true;
                cues.add(shown + " (sarcasm)");
            }
            case THANKS -> {
                if (negated) {
                    cues.add(shown + " (negated)");
                } else {
                    thanks.add(new Held(shown, w));
                }
            }
            case BLAME -> blame.add(new Held(cue.phrase(), cue.weight() * plain));
            case IRONY -> irony.add(new Held(shown, w));
            default -> throw new IllegalStateException("not an evidence cue: " + cue.kind());
        }
    }

    /** Adds evidence that is not a lexicon cue, such as shouting. */
    void addAnger(double weight, String shown) {
        score[ANGRY] += weight;
        cues.add(shown);
    }

    /** Records a cue that only explains, such as exclamation marks. */
    void note(String shown) {
        cues.add(shown);
    }

    /**
     * Settles the conditional cues: thanks is politeness inside a request, blame counts next to a grievance (angry
     * words, or complaints adding up to {@value #GRIEVANCE}),
     * praise is ironic next to a complaint or sarcasm, and sarcasm turns all praise into anger.
     */
    void resolve(boolean request) {
        this.request = request;
        for (Held h : thanks) {
            score[SATISFIED] += h.weight() * (request ? POLITE : 1.0);
            cues.add(request ? h.shown() + " (polite)" : h.shown());
        }
        if (grievance || complaints >= GRIEVANCE) {
            for (Held h : blame) {
                score[ANGRY] += h.weight();
                cues.add(h.shown() + " (blame)");
            }
        }
        boolean ironic = sarcastic || complaint;
        for (Held h : irony) {
            score[ironic ? ANGRY : SATISFIED] += h.weight();
            cues.add(ironic ? h.shown() + " (ironic)" : h.shown());
        }
        if ((sarcastic || (ironic && !irony.isEmpty())) && score[SATISFIED] > 0) {
            score[ANGRY] += score[SATISFIED];
            score[SATISFIED] = 0;
        }
    }

    /**
     * The emotion: the label with the highest score (anger first on ties), neutral under the threshold, and an
     * intensity that grows with the score and saturates towards 1.
     *
     * @param punctuation the factor of exclamation and question marks
     */
    Emotion decide(double punctuation) {
        int best = ANGRY;
        for (int k = 1; k < LABELS.length; k++) {
            if (score[k] > score[best]) {
                best = k;
            }
        }
        double s = score[best] * punctuation;
        if (s < (best == ANGRY && !request ? ANGER_THRESHOLD : THRESHOLD)) {
            return new Emotion(EmotionLabel.NEUTRAL, 0.0, cues);
        }
        double intensity = 1.0 - Math.exp(-s / SCALE);
        return new Emotion(LABELS[best], Math.round(intensity * 1000) / 1000.0, cues);
    }
}
