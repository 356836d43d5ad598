package io.huida.engine.nlu.emotion;

import io.huida.engine.nlu.emotion.EmotionLexicon.Match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Detects the emotion of customer messages (Chinese, traditional Chinese and English) from a weighted
 * {@link EmotionLexicon}, and the trend of a conversation from the emotions of its turns.
 *
 * <p>Each cue adds its weight to its label, modified by the negations, intensifiers and down-toners just before
 * it in the same clause: a negated complaint is cancelled (不生气), negated praise becomes mild dissatisfaction
 * (不是很满意). Sarcasm markers, or ironic praise next to a complaint, turn all praise into anger. Exclamation
 * and question marks and shouting in capitals raise the intensity, which saturates towards 1. Messages whose
 * strongest label stays under a threshold are neutral. Instances are immutable, thread-safe and deterministic.
 */
public final class EmotionDetector {

    /** The least evidence a label needs; below it a message is neutral. */
    static final double THRESHOLD = 0.5;
    private static final int WINDOW = 3;
    private static final double NEGATED_PRAISE = 1.0;
    private static final double NOT_VERY = 0.6;
    private static final double CAPS = 1.3;
    private static final double SHOUTING = 0.9;
    private static final double CAPS_WORD = 0.3;
    private static final double POLITE = 0.3;
    private static final double INDIGNANT = 0.5;
    private static final double AFTER_CONTRAST = 1.25;
    private static final double BEFORE_CONTRAST = 0.85;
    private static final double SCALE = 1.6;
    private static final int ANGRY = 0;
    private static final int ANXIOUS = 1;
    private static final int SAD = 2;
    private static final int SATISFIED = 3;
    private static final EmotionLabel[] LABELS = {EmotionLabel.ANGRY, EmotionLabel.ANXIOUS, EmotionLabel.SAD,
            EmotionLabel.SATISFIED};

    private final EmotionLexicon lexicon;

    /**
     * Creates a detector that reads the given cue table.
     *
     * @param lexicon the cues, e.g. {@link EmotionLexicon#builtIn()}
     */
    public EmotionDetector(EmotionLexicon lexicon) {
        this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
    }

    /** Creates a detector with the built-in Chinese and English cue table. */
    public static EmotionDetector withBuiltInLexicon() {
        return new EmotionDetector(EmotionLexicon.builtIn());
    }

    /**
     * Returns the emotion of one customer message.
     *
     * @param text the raw message, any script or width; blank text is neutral
     */
    public Emotion detect(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            return Emotion.NONE;
        }
        List<EmotionText.Token> tokens = EmotionText.tokenize(EmotionText.normalize(text));
        List<Match> matches = lexicon.match(tokens);
        Evidence ev = new Evidence();
        int contrastAt = lastContrast(matches);
        for (int i = 0; i < matches.size(); i++) {
            Match m = matches.get(i);
            if (!m.cue().kind().evidence()) {
                continue;
            }
            double clause = contrastAt < 0 ? 1.0 : m.start() >= contrastAt ? AFTER_CONTRAST : BEFORE_CONTRAST;
            add(ev, m, modifiers(matches, i, tokens), clause * capsFactor(tokens, m));
        }
        boolean request = matches.stream().anyMatch(m -> m.cue().kind() == CueKind.REQUEST)
                || tokens.stream().anyMatch(t -> t.text().equals("?"));
        for (int i = 0; i < ev.thanks.size(); i++) {
            ev.score[SATISFIED] += ev.thanksWeight.get(i) * (request ? POLITE : 1.0);
            ev.cues.add(ev.thanks.get(i) + (request ? " (polite)" : ""));
        }
        if (ev.grievance) {
            for (int i = 0; i < ev.blame.size(); i++) {
                ev.score[ANGRY] += ev.blameWeight.get(i);
                ev.cues.add(ev.blame.get(i) + " (blame)");
            }
        }
        for (int i = 0; i < ev.irony.size(); i++) {
            boolean ironic = ev.sarcastic || ev.complaint;
            ev.score[ironic ? ANGRY : SATISFIED] += ev.ironyWeight.get(i);
            ev.cues.add(ev.irony.get(i) + (ironic ? " (ironic)" : ""));
            ev.sarcastic |= ironic;
        }
        if (ev.sarcastic && ev.score[SATISFIED] > 0) {
            ev.score[ANGRY] += ev.score[SATISFIED];
            ev.score[SATISFIED] = 0;
        }
        shouting(tokens, matches, ev);
        double punctuation = punctuation(tokens, ev);
        return decide(ev, punctuation);
    }

    /**
     * Returns the trend of a conversation from the emotions of its customer turns, oldest first.
     *
     * <p>Escalating means the negativity rose over the last three turns and ended clearly negative, or it jumped
     * from calm to strongly negative in the last turn, or at least two of the last three turns were angry.
     *
     * @param turns the emotion of each customer turn, oldest first; may be empty
     */
    public EmotionTrend trend(List<Emotion> turns) {
        Objects.requireNonNull(turns, "turns");
        if (turns.isEmpty()) {
            return EmotionTrend.CALM;
        }
        double[] n = new double[turns.size()];
        double smoothed = 0;
        for (int i = 0; i < n.length; i++) {
            if (turns.get(i) == null) {
                throw new NullPointerException("turns holds null at index " + i);
            }
            n[i] = negativity(turns.get(i));
            smoothed = i == 0 ? n[i] : 0.5 * smoothed + 0.5 * n[i];
        }
        int last = n.length - 1;
        boolean rising = last >= 2 && n[last] > n[last - 1] && n[last - 1] >= n[last - 2] && n[last] > n[last - 2]
                && n[last] >= 0.3;
        boolean jumped = last >= 1 && n[last] - n[last - 1] >= 0.45;
        long angry = turns.subList(Math.max(0, last - 2), last + 1).stream()
                .filter(e -> e.label() == EmotionLabel.ANGRY).count();
        return new EmotionTrend(turns.get(last).label(), rising || jumped || angry >= 2, Math.min(1.0, smoothed));
    }

    private static double negativity(Emotion e) {
        return switch (e.label()) {
            case ANGRY -> 0.4 + 0.6 * e.intensity();
            case ANXIOUS -> 0.25 + 0.35 * e.intensity();
            case SAD -> 0.2 + 0.3 * e.intensity();
            case SATISFIED, NEUTRAL -> 0.0;
        };
    }

    private static void add(Evidence ev, Match m, Modifiers mod, double factor) {
        EmotionLexicon.Cue cue = m.cue();
        double w = cue.weight() * mod.factor * factor;
        String shown = mod.prefix + cue.phrase();
        switch (cue.kind()) {
            case SATISFIED -> {
                if (mod.negated) {
                    ev.score[ANGRY] += w * NEGATED_PRAISE;
                    ev.cues.add(shown + " (negated)");
                } else {
                    ev.score[SATISFIED] += w;
                    ev.cues.add(shown);
                }
            }
            case COMPLAINT -> {
                ev.score[ANGRY] += cue.weight() * factor;
                ev.complaint = true;
                ev.grievance = true;
                ev.cues.add(cue.phrase());
            }
            case BLAME -> {
                ev.blame.add(cue.phrase());
                ev.blameWeight.add(cue.weight() * factor);
            }
            case ANGRY, ANXIOUS, SAD -> {
                if (mod.negated) {
                    ev.cues.add(shown + " (negated)");
                } else {
                    int label = switch (cue.kind()) {
                        case ANXIOUS -> ANXIOUS;
                        case SAD -> SAD;
                        default -> ANGRY;
                    };
                    ev.score[label] += w;
                    ev.complaint |= label != ANXIOUS;
                    ev.grievance |= label == ANGRY;
                    ev.cues.add(shown);
                }
            }
            case SARCASM -> {
                ev.score[ANGRY] += w;
                ev.sarcastic = true;
                ev.cues.add(shown + " (sarcasm)");
            }
            case THANKS -> {
                if (mod.negated) {
                    ev.cues.add(shown + " (negated)");
                } else {
                    ev.thanks.add(shown);
                    ev.thanksWeight.add(w);
                }
            }
            case IRONY -> {
                ev.irony.add(shown);
                ev.ironyWeight.add(w);
            }
            default -> throw new IllegalStateException("not an evidence cue: " + cue.kind());
        }
    }

    /** Negations, intensifiers and down-toners directly before match {@code at}, within its clause. */
    private static Modifiers modifiers(List<Match> matches, int at, List<EmotionText.Token> tokens) {
        Modifiers mod = new Modifiers();
        int cursor = matches.get(at).start();
        boolean innerIntensifier = false;
        for (int j = at - 1; j >= 0; j--) {
            Match p = matches.get(j);
            CueKind kind = p.cue().kind();
            boolean modifier = kind == CueKind.NEGATION || kind == CueKind.INTENSIFIER || kind == CueKind.DOWNTONER;
            if (!modifier || cursor - p.end() > WINDOW || hasBoundary(tokens, p.end(), cursor)) {
                break;
            }
            switch (kind) {
                case NEGATION -> mod.negated = !mod.negated;
                case INTENSIFIER -> {
                    mod.factor *= p.cue().weight();
                    innerIntensifier |= !mod.negated;
                }
                default -> mod.factor *= p.cue().weight();
            }
            mod.prefix = p.cue().phrase() + " " + mod.prefix;
            cursor = p.start();
        }
        if (mod.negated && innerIntensifier) {
            mod.factor = NOT_VERY;
        }
        return mod;
    }

    private static boolean hasBoundary(List<EmotionText.Token> tokens, int from, int to) {
        for (int k = from; k < to; k++) {
            if (tokens.get(k).boundary()) {
                return true;
            }
        }
        return false;
    }

    private static int lastContrast(List<Match> matches) {
        int at = -1;
        for (Match m : matches) {
            if (m.cue().kind() == CueKind.CONTRAST) {
                at = m.end();
            }
        }
        return at;
    }

    private static double capsFactor(List<EmotionText.Token> tokens, Match m) {
        for (int k = m.start(); k < m.end(); k++) {
            if (tokens.get(k).caps()) {
                return CAPS;
            }
        }
        return 1.0;
    }

    /** Capitals: three or more shouted words are anger; a single one outside the cues adds a little. */
    private static void shouting(List<EmotionText.Token> tokens, List<Match> matches, Evidence ev) {
        int shouted = 0;
        List<String> loose = new ArrayList<>();
        boolean[] covered = new boolean[tokens.size()];
        matches.forEach(m -> Arrays.fill(covered, m.start(), m.end(), true));
        for (int k = 0; k < tokens.size(); k++) {
            if (tokens.get(k).caps()) {
                shouted++;
                if (!covered[k]) {
                    loose.add(tokens.get(k).text().toUpperCase(Locale.ROOT));
                }
            }
        }
        if (shouted >= 3) {
            ev.score[ANGRY] += SHOUTING;
            ev.cues.add("ALL CAPS");
        } else if (!loose.isEmpty()) {
            ev.score[ANGRY] += CAPS_WORD * loose.size();
            loose.forEach(w -> ev.cues.add(w + " (caps)"));
        }
    }

    /**
     * The intensity factor of exclamation and question marks (runs such as !!! or ??? count more); an
     * indignant {@code ?!} is also evidence of anger.
     */
    private static double punctuation(List<EmotionText.Token> tokens, Evidence ev) {
        int bangs = 0;
        int questions = 0;
        boolean indignant = false;
        String previous = "";
        for (EmotionText.Token t : tokens) {
            bangs += t.text().equals("!") ? 1 : 0;
            questions += t.text().equals("?") ? 1 : 0;
            String pair = previous + t.text();
            indignant |= pair.equals("?!") || pair.equals("!?");
            previous = t.text();
        }
        if (bangs > 0) {
            ev.cues.add("!".repeat(Math.min(bangs, 3)));
        }
        if (questions >= 2) {
            ev.cues.add("???");
        }
        if (indignant) {
            ev.score[ANGRY] += INDIGNANT;
            ev.cues.add("?!");
        }
        return 1.0 + 0.15 * Math.min(bangs, 4) + (questions >= 2 ? 0.2 : 0.0);
    }

    private static Emotion decide(Evidence ev, double punctuation) {
        int best = ANGRY;
        for (int k = 1; k < LABELS.length; k++) {
            if (ev.score[k] > ev.score[best]) {
                best = k;
            }
        }
        double score = ev.score[best] * punctuation;
        if (score < THRESHOLD) {
            return new Emotion(EmotionLabel.NEUTRAL, 0.0, ev.cues);
        }
        double intensity = 1.0 - Math.exp(-score / SCALE);
        return new Emotion(LABELS[best], Math.round(intensity * 1000) / 1000.0, ev.cues);
    }

    /** Scores per label and what was seen while adding them up. */
    private static final class Evidence {
        final double[] score = new double[LABELS.length];
        final List<String> cues = new ArrayList<>();
        final List<String> irony = new ArrayList<>();
        final List<Double> ironyWeight = new ArrayList<>();
        final List<String> thanks = new ArrayList<>();
        final List<Double> thanksWeight = new ArrayList<>();
        boolean sarcastic;
        final List<String> blame = new ArrayList<>();
        final List<Double> blameWeight = new ArrayList<>();
        boolean complaint;
        boolean grievance;
    }

    /** The combined effect of the modifiers before one cue. */
    private static final class Modifiers {
        boolean negated;
        double factor = 1.0;
        String prefix = "";
    }
}
