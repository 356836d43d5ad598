package io.huida.engine.retrieval;

import io.huida.engine.kb.Faq;
import io.huida.engine.text.Language;
import io.huida.engine.text.PinyinKeys;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/** Turns FAQs into indexed texts: normalises every question and answer, embeds them in batches, analyses them. */
final class KnowledgeIndexBuilder {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(KnowledgeIndex.class);
    /** Answers are embedded by their opening, which states what they are about. */
    private static final int ANSWER_CHARS = 24;

    /** The enabled FAQs and their texts. */
    record Built(List<Faq> faqs, List<IndexedText> texts) {
    }

    private KnowledgeIndexBuilder() {
    }

    /**
     * Builds the index of the enabled FAQs in {@code faqs}.
     *
     * @param progress called with (texts embedded, texts in total) while embedding; may be null
     */
    static Built build(List<Faq> faqs, TextPipeline pipeline, BiConsumer<Integer, Integer> progress) {
        Objects.requireNonNull(faqs, "faqs");
        Objects.requireNonNull(pipeline, "pipeline");
        Set<String> seen = new HashSet<>();
        List<Faq> enabled = new ArrayList<>();
        for (Faq f : faqs) {
            if (!seen.add(f.id())) {
                throw new IllegalArgumentException("duplicate FAQ id '" + f.id() + "'");
            }
            if (f.enabled()) {
                enabled.add(f);
            }
        }
        List<String[]> raw = new ArrayList<>(); // faq ordinal, kind, normalised text, original text
        for (int i = 0; i < enabled.size(); i++) {
            Faq f = enabled.get(i);
            Set<String> unique = new HashSet<>();
            for (String q : f.allQuestions()) {
                String norm = pipeline.normalize(q);
                if (!norm.isEmpty() && unique.add(norm)) {
                    raw.add(new String[]{Integer.toString(i), "q", norm, q});
                }
            }
            String answer = pipeline.normalize(f.answer());
            raw.add(new String[]{Integer.toString(i), "a", answer.length() > ANSWER_CHARS ? answer.substring(0, ANSWER_CHARS) : answer, f.answer()});
        }
        long start = System.nanoTime();
        Map<Language, List<Integer>> byLanguage = new LinkedHashMap<>();
        for (int i = 0; i < raw.size(); i++) {
            byLanguage.computeIfAbsent(Language.of(raw.get(i)[2]), l -> new ArrayList<>()).add(i);
        }
        float[][] vectors = new float[raw.size()][];
        int done = 0;
        final int batch = 256;
        for (Map.Entry<Language, List<Integer>> e : byLanguage.entrySet()) {
            List<Integer> ids = e.getValue();
            for (int from = 0; from < ids.size(); from += batch) {
                List<Integer> slice = ids.subList(from, Math.min(ids.size(), from + batch));
                List<float[]> vs = pipeline.embedder().embedAll(slice.stream().map(i -> raw.get(i)[2]).toList(), e.getKey());
                for (int k = 0; k < slice.size(); k++) {
                    vectors[slice.get(k)] = vs.get(k);
                }
                done += slice.size();
                if (progress != null) {
                    progress.accept(done, raw.size());
                }
            }
        }
        long embedded = System.nanoTime();
        List<IndexedText> texts = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            String[] r = raw.get(i);
            texts.add(new IndexedText(i, Integer.parseInt(r[0]), "a".equals(r[1]), r[3], r[2], Language.of(r[2]), vectors[i],
                    new HashSet<>(pipeline.analyzer().terms(r[2])), new HashSet<>(PinyinKeys.of(r[2]))));
        }
        LOG.info("Indexed {} FAQs ({} texts): embedding {} ms, analysis and BM25 index {} ms", enabled.size(), texts.size(),
                (embedded - start) / 1_000_000, (System.nanoTime() - embedded) / 1_000_000);
        return new Built(List.copyOf(enabled), List.copyOf(texts));
    }
}
