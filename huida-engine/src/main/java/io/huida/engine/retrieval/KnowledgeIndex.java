package io.huida.engine.retrieval;

import io.huida.engine.kb.Faq;
import io.huida.engine.text.Language;
import io.huida.engine.text.PinyinKeys;
import io.huida.engine.text.QuestionCore;
import io.huida.engine.text.Situations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The searchable form of one knowledge-base version: every enabled FAQ's questions, similar questions and
 * answer, normalised, embedded and indexed for BM25. Finds candidate FAQs for a query with the lexical and
 * semantic evidence for each. Immutable once built and thread-safe.
 */
public final class KnowledgeIndex {


    private static final int SEMANTIC_CANDIDATES = 8;
    private static final int LEXICAL_CANDIDATES = 8;
    private static final int LEXICAL_HITS = 100;

    private final List<Faq> faqs;
    private final Map<String, Integer> ordinalById;
    private final List<IndexedText> texts;
    private final int[][] textsByFaq;
    private final Centroids centroids;
    private final TextVectors vectors;
    private final Map<String, Double> idf;
    private final double unknownIdf;
    /** Per text, the idf weight of its terms (computed once, used by every query's coverage). */
    private final double[] textWeight;
    private final LexicalIndex lexical;
    private final TextPipeline pipeline;
    private final SpellCorrector speller;

    private KnowledgeIndex(List<Faq> faqs, List<IndexedText> texts, TextPipeline pipeline) {
        this.faqs = faqs;
        this.texts = texts;
        this.pipeline = pipeline;
        this.ordinalById = new HashMap<>();
        for (int i = 0; i < faqs.size(); i++) {
            ordinalById.put(faqs.get(i).id(), i);
        }
        List<List<Integer>> byFaq = new ArrayList<>();
        faqs.forEach(f -> byFaq.add(new ArrayList<>()));
        texts.forEach(t -> byFaq.get(t.faq()).add(t.ordinal()));
        this.textsByFaq = byFaq.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
        this.centroids = new Centroids(faqs.size(), texts, textsByFaq);
        this.vectors = new TextVectors(texts);
        Map<String, Integer> df = new HashMap<>();
        int questions = 0;
        for (IndexedText t : texts) {
            if (!t.answer()) {
                questions++;
                t.terms().forEach(term -> df.merge(term, 1, Integer::sum));
            }
        }
        Map<String, Double> idfs = new HashMap<>();
        final int n = questions;
        df.forEach((term, count) -> idfs.put(term, Math.log(1 + (n - count + 0.5) / (count + 0.5))));
        this.idf = idfs;
        this.unknownIdf = 0.5 * Math.log(1 + (n + 0.5) / 0.5);
        this.textWeight = new double[texts.size()];
        for (IndexedText t : texts) {
            textWeight[t.ordinal()] = weight(t.terms());
        }
        this.lexical = new LexicalIndex(texts, pipeline.analyzer());
        this.speller = new SpellCorrector(texts.stream().map(IndexedText::text).toList());
    }

    /**
     * Prepares a customer message for {@link #candidates}: normalises it, corrects homophone typos against this
     * knowledge base's vocabulary and embeds it.
     */
    public ParsedQuery parse(String text) {
        String normalized = speller.correct(pipeline.normalize(text));
        // the situations the whole message describes also give its question core their concepts ("花瓶碎成好几块 …
        // 这种情况你们管不管": the core is embedded with 商品破损)
        Set<String> concepts = Language.of(normalized) == Language.ZH ? Situations.concepts(normalized) : Set.of();
        // a long message's question core is embedded on a spare core while this thread embeds the whole message
        SpareCore.Pending<ParsedQuery> parsedCore = QuestionCore.of(text)
                .map(c -> SpareCore.start(() -> parseNormalized(c, speller.correct(pipeline.normalize(c)), concepts)))
                .orElse(null);
        ParsedQuery whole = parseNormalized(text, normalized, concepts);
        ParsedQuery core = parsedCore == null ? null : parsedCore.join();
        if (core != null && (core.language() != whole.language() || core.normalized().isEmpty())) {
            core = null;
        }
        return core == null ? whole : new ParsedQuery(whole.text(), whole.normalized(), whole.language(), whole.vector(),
                whole.terms(), whole.pinyin(), core, whole.embedding());
    }

    private ParsedQuery parseNormalized(String text, String normalized, Set<String> concepts) {
        Language language = Language.of(normalized);
        // a situation the customer describes is also embedded with the concept a knowledge base names it by
        float[] embedding = normalized.isEmpty() ? new float[0]
                : pipeline.embedder().embed(language == Language.ZH ? Situations.expand(normalized, concepts) : normalized, language);
        return new ParsedQuery(text, normalized, language, pipeline.adapter().apply(embedding, language),
                pipeline.analyzer().terms(normalized), PinyinKeys.of(normalized), null, embedding);
    }

    /**
     * Builds the index of the enabled FAQs in {@code faqs}.
     *
     * @param progress called with (texts embedded, texts in total) while embedding; may be null
     */
    public static KnowledgeIndex build(List<Faq> faqs, TextPipeline pipeline, BiConsumer<Integer, Integer> progress) {
        KnowledgeIndexBuilder.Built built = KnowledgeIndexBuilder.build(faqs, pipeline, progress);
        return new KnowledgeIndex(built.faqs(), built.texts(), pipeline);
    }

    /**
     * A smaller index over a random subset of at most {@code maxFaqs} FAQs, reusing this index's vectors (no
     * embedding): calibration of a large knowledge base runs on it.
     */
    KnowledgeIndex subset(int maxFaqs, long seed) {
        if (faqs.size() <= maxFaqs) {
            return this;
        }
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < faqs.size(); i++) {
            chosen.add(i);
        }
        java.util.Collections.shuffle(chosen, new java.util.Random(seed));
        chosen = chosen.subList(0, maxFaqs);
        chosen.sort(null);
        int[] newOrdinal = new int[faqs.size()];
        Arrays.fill(newOrdinal, -1);
        List<Faq> subFaqs = new ArrayList<>();
        for (int f : chosen) {
            newOrdinal[f] = subFaqs.size();
            subFaqs.add(faqs.get(f));
        }
        List<IndexedText> subTexts = new ArrayList<>();
        for (IndexedText t : texts) {
            if (newOrdinal[t.faq()] >= 0) {
                subTexts.add(new IndexedText(subTexts.size(), newOrdinal[t.faq()], t.answer(), t.original(), t.text(),
                        t.language(), t.vector(), t.terms(), t.pinyin()));
            }
        }
        return new KnowledgeIndex(List.copyOf(subFaqs), List.copyOf(subTexts), pipeline);
    }

    /** The enabled FAQs, in input order. */
    public List<Faq> faqs() {
        return faqs;
    }

    /** The FAQ with {@code id}, or null. */
    public Faq faq(String id) {
        Integer ord = ordinalById.get(id);
        return ord == null ? null : faqs.get(ord);
    }

    /** Number of indexed texts (questions, similar questions and answers). */
    public int textCount() {
        return texts.size();
    }

    /** The pipeline this index was built with; queries must be parsed by it. */
    public TextPipeline pipeline() {
        return pipeline;
    }

    /** Candidate FAQs active at {@code now} for {@code query}, with evidence and an unset (NaN) probability. */
    public List<Candidate> candidates(ParsedQuery query, Instant now) {
        if (query.normalized().isEmpty()) {
            return List.of();
        }
        // a lone reply uses the spare core: the question core's evidence and the lexical search run beside the rest
        if (query.core() == null) {
            return candidates(query, now, -1, -1, true);
        }
        SpareCore.Pending<List<Candidate>> core = SpareCore.start(() -> candidates(query.core(), now, -1, -1, true));
        List<Candidate> whole = candidates(query, now, -1, -1, true);
        return CoreEvidence.merge(whole, core.join());
    }

    /** As {@link #candidates(ParsedQuery, Instant)}, leaving out one FAQ or one text (for calibration). */
    List<Candidate> candidates(ParsedQuery query, Instant now, int excludedFaq, int excludedText) {
        return candidates(query, now, excludedFaq, excludedText, false);
    }

    private List<Candidate> candidates(ParsedQuery query, Instant now, int excludedFaq, int excludedText, boolean spare) {
        int nFaq = faqs.size();
        double[] semantic = new double[nFaq];
        int[] bestText = new int[nFaq];
        double[] answerSemantic = new double[nFaq];
        Arrays.fill(semantic, -1);
        Arrays.fill(bestText, -1);
        boolean[] active = new boolean[nFaq];
        for (int f = 0; f < nFaq; f++) {
            active[f] = f != excludedFaq && faqs.get(f).isActive(now);
        }
        Supplier<double[]> lexicalSearch = () -> lexical.bestByFaq(query.terms(), LEXICAL_HITS, excludedFaq, excludedText, active);
        SpareCore.Pending<double[]> lexicalScores = spare ? SpareCore.start(lexicalSearch::get) : null;
        float[] qv = query.vector();
        int[] ordinals = vectors.ordinals(query.language());
        double[] dots = vectors.dots(qv, query.language());
        for (int row = 0; row < ordinals.length; row++) {
            IndexedText t = texts.get(ordinals[row]);
            if (!active[t.faq()] || t.ordinal() == excludedText) {
                continue;
            }
            double cos = dots[row];
            if (t.answer()) {
                answerSemantic[t.faq()] = Math.max(answerSemantic[t.faq()], cos);
            } else if (cos > semantic[t.faq()]) {
                semantic[t.faq()] = cos;
                bestText[t.faq()] = t.ordinal();
            }
        }
        double[] lexicalByFaq = spare ? lexicalScores.join() : lexicalSearch.get();
        int[] semOrder = Vectors.topK(semantic, SEMANTIC_CANDIDATES);
        int[] lexOrder = Vectors.topK(lexicalByFaq, LEXICAL_CANDIDATES);
        double best1 = semOrder.length > 0 ? semantic[semOrder[0]] : 0;
        double best2 = semOrder.length > 1 ? semantic[semOrder[1]] : 0;
        double maxLex = lexOrder.length > 0 ? lexicalByFaq[lexOrder[0]] : 0;
        Set<Integer> pool = new java.util.LinkedHashSet<>();
        for (int f : semOrder) {
            pool.add(f);
        }
        for (int f : lexOrder) {
            if (lexicalByFaq[f] > 0) {
                pool.add(f);
            }
        }
        double queryLength = Features.queryLength(query.normalized());
        Set<String> queryTerms = new HashSet<>(query.terms());
        double queryWeight = weight(queryTerms);
        Set<String> queryPinyin = new HashSet<>(query.pinyin());
        List<Candidate> out = new ArrayList<>(pool.size());
        for (int f : pool) {
            if (!active[f] || (semantic[f] < 0 && lexicalByFaq[f] <= 0)) {
                continue;
            }
            double coverage = 0;
            double questionCoverage = 0;
            double pinyinCoverage = 0;
            for (int ord : textsByFaq[f]) {
                IndexedText t = texts.get(ord);
                if (t.answer() || ord == excludedText) {
                    continue;
                }
                double shared = sharedWeight(queryTerms, t.terms());
                coverage = Math.max(coverage, queryWeight == 0 ? 0 : shared / queryWeight);
                double tw = textWeight[ord];
                questionCoverage = Math.max(questionCoverage, tw == 0 ? 0 : shared / tw);
                if (!queryPinyin.isEmpty()) {
                    int hits = 0;
                    for (String p : queryPinyin) {
                        if (t.pinyin().contains(p)) {
                            hits++;
                        }
                    }
                    pinyinCoverage = Math.max(pinyinCoverage, hits / (double) queryPinyin.size());
                }
            }
            double sem = Math.max(0, semantic[f]);
            double other = semOrder.length > 0 && semOrder[0] == f ? best2 : best1;
            double centroidSemantic = centroids.cosine(qv, f, query.language(), excludedText);
            Features features = new Features(sem, sem - other, answerSemantic[f], maxLex == 0 ? 0 : lexicalByFaq[f] / maxLex,
                    coverage, questionCoverage, pinyinCoverage, semOrder.length > 0 && semOrder[0] == f ? 1 : 0,
                    lexOrder.length > 0 && lexOrder[0] == f && maxLex > 0 ? 1 : 0, queryLength, centroidSemantic);
            String matched = bestText[f] >= 0 ? texts.get(bestText[f]).original() : faqs.get(f).question();
            out.add(new Candidate(faqs.get(f), matched, features, Double.NaN));
        }
        return out;
    }

    /** Ordinal of the FAQ with {@code id}, or -1. */
    int ordinal(String id) {
        Integer ord = ordinalById.get(id);
        return ord == null ? -1 : ord;
    }

    /** Every question and similar question (not answers), normalised and embedded, with its FAQ's id. */
    public List<QuestionVector> questions() {
        List<QuestionVector> out = new ArrayList<>();
        for (IndexedText t : texts) {
            if (!t.answer()) {
                out.add(new QuestionVector(faqs.get(t.faq()).id(), t.text(), t.language(), t.vector()));
            }
        }
        return out;
    }

    List<IndexedText> texts() {
        return texts;
    }

    /** The question texts of one FAQ, as query stand-ins for calibration. */
    ParsedQuery asQuery(IndexedText t) {
        return new ParsedQuery(t.text(), t.text(), t.language(), pipeline.adapter().apply(t.vector(), t.language()),
                pipeline.analyzer().terms(t.text()), PinyinKeys.of(t.text()), null, t.vector());
    }

    private double weight(Set<String> terms) {
        double w = 0;
        for (String t : terms) {
            w += idf.getOrDefault(t, unknownIdf);
        }
        return w;
    }

    private double sharedWeight(Set<String> query, Set<String> doc) {
        double w = 0;
        for (String t : query) {
            if (doc.contains(t)) {
                w += idf.getOrDefault(t, unknownIdf);
            }
        }
        return w;
    }
}
