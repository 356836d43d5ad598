package io.huida.engine.retrieval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Combines the evidence of a whole message with the evidence of its question core
 * ({@link io.huida.engine.text.QuestionCore}): per FAQ, each piece of evidence is the stronger of the two, so a
 * question buried in a story counts as much as if it had been asked alone, and the story's own words still count.
 * The query length stays the whole message's.
 */
final class CoreEvidence {

    private CoreEvidence() {
    }

    /** Candidates of either list, one per FAQ, whole-message candidates first; each feature the larger of the two. */
    static List<Candidate> merge(List<Candidate> whole, List<Candidate> core) {
        Map<String, Candidate> byFaq = new LinkedHashMap<>();
        for (Candidate c : whole) {
            byFaq.put(c.faq().id(), c);
        }
        for (Candidate c : core) {
            byFaq.merge(c.faq().id(), c, (w, k) -> new Candidate(w.faq(),
                    k.features().semantic() > w.features().semantic() ? k.matchedQuestion() : w.matchedQuestion(),
                    max(w.features(), k.features()), w.probability()));
        }
        return new ArrayList<>(byFaq.values());
    }

    /** The larger of each feature, except the query length, which is {@code whole}'s. */
    static Features max(Features whole, Features core) {
        return new Features(Math.max(whole.semantic(), core.semantic()),
                Math.max(whole.semanticMargin(), core.semanticMargin()),
                Math.max(whole.semanticAnswer(), core.semanticAnswer()),
                Math.max(whole.lexical(), core.lexical()),
                Math.max(whole.coverage(), core.coverage()),
                Math.max(whole.questionCoverage(), core.questionCoverage()),
                Math.max(whole.pinyinCoverage(), core.pinyinCoverage()),
                Math.max(whole.semanticTop(), core.semanticTop()),
                Math.max(whole.lexicalTop(), core.lexicalTop()),
                whole.queryLength(),
                Math.max(whole.centroidSemantic(), core.centroidSemantic()));
    }
}
