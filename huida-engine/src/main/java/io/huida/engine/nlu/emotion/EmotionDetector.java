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
 * it in the same clause: negated anger, worry or sadness is cancelled (不生气), negated praise becomes mild
 * dissatisfaction (不是很满意). Complaint facts and blame add anger; sarcasm markers, or ironic praise next to a
 * complaint, turn all praise into anger; thanks inside a request is only politeness. Exclamation and question
 * marks and shouting in capitals raise the intensity, which saturates towards 1. Messages whose strongest label
 * stays under a threshold are neutral; anger in a statement (not a question or request) needs less, because a
 * missed angry customer costs most. Instances are immutable, thread-safe and deterministic.
 */
public final class EmotionDetector {

    private static final int WINDOW = 3;
    private static final double NOT_VERY = 0.6;
    private static final double CAPS = 1.3;
    private static final double SHOUTING = 0.9;
    private static final double CAPS_WORD = 0.3;
    private static final double INDIGNANT = 0.5;
    private static final double AFTER_CONTRAST = 1.25;
    private static final double BEFORE_CONTRAST = 0.85;

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
        String normalized = EmotionText.normalize(text);
        List<EmotionText.Token> tokens = EmotionText.tokenize(normalized);
        List<Match> matches = lexicon.match(tokens);
        Evidence ev = new Evidence();
        for (EmotionLexicon.PatternMatch p : lexicon.findPatterns(normalized.toLowerCase(Locale.ROOT))) {
            ev.add(p.cue(), p.text(), false, 1.0, 1.0);
        }
        int contrastAt = lastContrast(matches);
        boolean request = tokens.stream().anyMatch(t -> t.text().equals("?"));
        for (int i = 0; i < matches.size(); i++) {
            Match m = matches.get(i);
            request |= m.cue().kind() == CueKind.REQUEST;
            if (m.cue().kind().evidence()) {
                double clause = contrastAt < 0 ? 1.0 : m.start() >= contrastAt ? AFTER_CONTRAST : BEFORE_CONTRAST;
                double plain = clause * capsFactor(tokens, m);
                addWithModifiers(ev, matches, i, tokens, plain);
            }
        }
        ev.resolve(request);
        shouting(tokens, matches, ev);
        double punctuation = punctuation(tokens, ev);
        return ev.decide(punctuation);
    }

    /**
     * Returns the trend of a conversation from the emotions of its customer turns, oldest first; see
     * {@link EmotionTrend#of(List)}.
     *
     * @param turns the emotion of each customer turn, oldest first; may be empty
     */
    public EmotionTrend trend(List<Emotion> turns) {
        return EmotionTrend.of(turns);
    }

    /**
     * Adds match {@code at} with the negations, intensifiers and down-toners directly before it in its clause; a
     * feeling in a hypothetical (如果我不满意, 急用的话, what happens if I'm not satisfied) and praise asked about
     * (到账了吗) are only noted; 不是…吗 is a rhetorical question, not a negation, and a cue that holds its own
     * negation (会不会) is not flipped by another.
     */
    private static void addWithModifiers(Evidence ev, List<Match> matches, int at, List<EmotionText.Token> tokens,
                                         double plain) {
        boolean negated = false;
        int negatorAt = -1;
        boolean hypothetical = false;
        boolean innerIntensifier = false;
        double factor = 1.0;
        int cursor = matches.get(at).start();
        for (int j = at - 1; j >= 0; j--) {
            Match p = matches.get(j);
            CueKind kind = p.cue().kind();
            boolean modifier = kind == CueKind.NEGATION || kind == CueKind.INTENSIFIER || kind == CueKind.DOWNTONER
                    || kind == CueKind.HYPOTHETICAL;
            if (!modifier || cursor - p.end() > WINDOW || hasBoundary(tokens, p.end(), cursor)) {
                break;
            }
            if (kind == CueKind.NEGATION) {
                negated = !negated;
                negatorAt = p.start();
            } else if (kind == CueKind.HYPOTHETICAL) {
                hypothetical = true;
            } else {
                factor *= p.cue().weight();
                innerIntensifier |= kind == CueKind.INTENSIFIER && !negated;
            }
            cursor = p.start();
        }
        if (negated && innerIntensifier) {
            factor = NOT_VERY;
        }
        int end = matches.get(at).end();
        String shown = EmotionText.join(tokens, cursor, end);
        if (negated && (rhetorical(tokens, negatorAt, end) || negative(matches.get(at).cue()))) {
            negated = false;
        }
        hypothetical |= end + 1 < tokens.size() && tokens.get(end).text().equals("的")
                && tokens.get(end + 1).text().equals("话");
        if (hypothetical && matches.get(at).cue().kind().feeling()) {
            ev.note(shown + " (hypothetical)");
            return;
        }
        if (matches.get(at).cue().kind() == CueKind.SATISFIED && end < tokens.size()
                && tokens.get(end).text().equals("吗")) {
            ev.note(shown + " (question)");
            return;
        }
        ev.add(matches.get(at).cue(), shown, negated, factor * plain, plain);
    }

    /** True for a cue that holds its own negation (会不会, 不放心, don't recognise): another one does not flip it. */
    private static boolean negative(EmotionLexicon.Cue cue) {
        for (String t : cue.tokens()) {
            if (t.equals("不") || t.equals("没") || t.equals("not") || t.endsWith("n't")) {
                return true;
            }
        }
        return false;
    }

    /** True for 不是…吗, a rhetorical question that asserts what it seems to deny (这不是骗人吗). */
    private static boolean rhetorical(List<EmotionText.Token> tokens, int negatorAt, int from) {
        if (negatorAt + 1 >= tokens.size() || !tokens.get(negatorAt).text().equals("不")
                || !tokens.get(negatorAt + 1).text().equals("是")) {
            return false;
        }
        for (int k = from; k < tokens.size() && !tokens.get(k).boundary(); k++) {
            if (tokens.get(k).text().equals("吗")) {
                return true;
            }
        }
        return from < tokens.size() && tokens.get(from).text().equals("?");
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
            ev.addAnger(SHOUTING, "ALL CAPS");
        } else {
            loose.forEach(w -> ev.addAnger(CAPS_WORD, w + " (caps)"));
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
            ev.note("!".repeat(Math.min(bangs, 3)));
        }
        if (questions >= 2) {
            ev.note("???");
        }
        if (indignant) {
            ev.addAnger(INDIGNANT, "?!");
        }
        return 1.0 + 0.15 * Math.min(bangs, 4) + (questions >= 2 ? 0.2 : 0.0);
    }
}
