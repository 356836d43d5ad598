package io.huida.engine.retrieval;

import io.huida.engine.text.Language;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Thresholds per language in a knowledge base of two languages. Each language has its own sentence model, whose
 * scores run higher or lower, so a threshold chosen over all calibration examples suits neither; each language's
 * FAQs get, on top of their own offset, how far the threshold separating that language's examples lies from the
 * overall one. A one-language knowledge base gets none.
 */
final class LanguageOffsets {

    /** Examples of each kind a language needs for a threshold of its own. */
    static final int MIN_EXAMPLES = 20;

    private LanguageOffsets() {
    }

    /**
     * Per language (by ordinal), the separating threshold of its own examples minus {@code separating}; zero for a
     * language with fewer than {@link #MIN_EXAMPLES} examples of either kind and for a one-language knowledge base.
     *
     * @param in        in-scope examples, {@code [score, right, faq, language ordinal]}
     * @param out       out-of-scope examples, {@code [score, language ordinal]}
     * @param threshold chooses the separating threshold of (in, out) examples
     */
    static double[] of(List<double[]> in, List<double[]> out, double separating,
                       BiFunction<List<double[]>, List<double[]>, Double> threshold) {
        Language[] languages = Language.values();
        double[] offsets = new double[languages.length];
        List<List<double[]>> inBy = new ArrayList<>();
        List<List<double[]>> outBy = new ArrayList<>();
        for (Language l : languages) {
            inBy.add(new ArrayList<>());
            outBy.add(new ArrayList<>());
        }
        in.forEach(r -> inBy.get((int) r[3]).add(r));
        out.forEach(r -> outBy.get((int) r[1]).add(r));
        if (inBy.stream().filter(l -> !l.isEmpty()).count() < 2) {
            return offsets;
        }
        for (Language l : languages) {
            List<double[]> li = inBy.get(l.ordinal());
            List<double[]> lo = outBy.get(l.ordinal());
            if (li.size() >= MIN_EXAMPLES && lo.size() >= MIN_EXAMPLES) {
                offsets[l.ordinal()] = threshold.apply(li, lo) - separating;
            }
        }
        return offsets;
    }

    /** {@code own} with each FAQ's language offset added (FAQs not in {@code own} get theirs alone). */
    static Map<String, Double> add(Map<String, Double> own, KnowledgeIndex index, double[] offsets) {
        boolean none = true;
        for (double o : offsets) {
            none &= o == 0;
        }
        if (none) {
            return own;
        }
        Map<String, Double> out = new HashMap<>(own);
        Language[] faqLanguage = languages(index);
        for (int f = 0; f < faqLanguage.length; f++) {
            double o = faqLanguage[f] == null ? 0 : offsets[faqLanguage[f].ordinal()];
            if (o != 0) {
                out.merge(index.faqs().get(f).id(), o, Double::sum);
            }
        }
        return Map.copyOf(out);
    }

    /** Per FAQ ordinal, the language most of its questions are in (null for an FAQ without questions). */
    static Language[] languages(KnowledgeIndex index) {
        Language[] all = Language.values();
        int[][] counts = new int[index.faqs().size()][all.length];
        for (IndexedText t : index.texts()) {
            if (!t.answer()) {
                counts[t.faq()][t.language().ordinal()]++;
            }
        }
        Language[] out = new Language[counts.length];
        for (int f = 0; f < counts.length; f++) {
            int best = -1;
            for (int l = 0; l < all.length; l++) {
                if (counts[f][l] > 0 && (best < 0 || counts[f][l] > counts[f][best])) {
                    best = l;
                }
            }
            out[f] = best < 0 ? null : all[best];
        }
        return out;
    }
}
