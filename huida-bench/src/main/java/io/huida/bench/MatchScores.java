package io.huida.bench;

import io.huida.engine.embed.BgeEmbedder;
import io.huida.engine.embed.CachingEmbedder;
import io.huida.engine.embed.Embedder;
import io.huida.engine.nlu.match.EvidenceExtractor;
import io.huida.engine.nlu.match.PairEvidence;
import io.huida.engine.nlu.match.PreparedQuestion;
import io.huida.engine.text.Language;
import io.huida.engine.text.TextNormalizer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The per-pair inputs of {@code huida-bench match} for one set of pairs: the bare cosine of the raw
 * sentences and, when an idf table is given, the system's {@link PairEvidence}. Sentence vectors come from
 * a cache file per set under {@code /tmp/huida-match-cache/}, so reruns embed nothing.
 *
 * @param pairs    the pairs, in file order
 * @param bare     cosine of the bge-small-zh vectors of the raw sentences, per pair
 * @param evidence the system's evidence per pair, empty when only the bare figures are wanted
 */
record MatchScores(MatchPairs pairs, double[] bare, List<PairEvidence> evidence) {

    private static final Path CACHE_DIR = Path.of("/tmp/huida-match-cache");
    private static final int CHUNK = 4000;

    /**
     * Scores {@code sets}, which share the vector cache named {@code cacheName}.
     *
     * @param model the system's idf and particle words (its weights are not needed), or null for bare cosines only
     */
    static List<MatchScores> of(String cacheName, List<MatchPairs> sets, TextNormalizer normalizer, MatchCommand.Model model) {
        CachingEmbedder embedder = new CachingEmbedder(new BgeEmbedder());
        Path cache = CACHE_DIR.resolve(cacheName.replaceAll("[^A-Za-z0-9_.-]", "_") + ".vectors");
        int loaded = embedder.load(cache);
        System.err.println("[match] " + cacheName + ": " + loaded + " cached vectors");
        EvidenceExtractor extractor = model == null ? null
                : new EvidenceExtractor(normalizer, embedder, model.idf(), model.particles());
        warm(embedder, cache, cacheName, sets, extractor);
        Map<String, PreparedQuestion> prepared = new HashMap<>();
        List<MatchScores> out = new ArrayList<>();
        for (MatchPairs set : sets) {
            int n = set.pairs().size();
            double[] bare = new double[n];
            List<PairEvidence> evidence = new ArrayList<>(extractor == null ? 0 : n);
            for (int i = 0; i < n; i++) {
                MatchPairs.Pair p = set.pairs().get(i);
                bare[i] = Embedder.cosine(embedder.embed(p.first(), Language.ZH), embedder.embed(p.second(), Language.ZH));
                if (extractor != null) {
                    evidence.add(extractor.evidence(prepared.computeIfAbsent(p.first(), extractor::prepare),
                            prepared.computeIfAbsent(p.second(), extractor::prepare)));
                }
            }
            out.add(new MatchScores(set, bare, List.copyOf(evidence)));
        }
        return out;
    }

    /**
     * Embeds every raw sentence (and its normalised form, when {@code extractor} is given) not yet cached,
     * in chunks, saving the cache after each chunk.
     */
    private static void warm(CachingEmbedder embedder, Path cache, String cacheName, List<MatchPairs> sets,
                             EvidenceExtractor extractor) {
        LinkedHashSet<String> texts = new LinkedHashSet<>();
        for (MatchPairs set : sets) {
            texts.addAll(set.sentences());
        }
        if (extractor != null) {
            for (MatchPairs set : sets) {
                for (String s : set.sentences()) {
                    texts.add(extractor.normalize(s));
                }
            }
        }
        List<String> all = new ArrayList<>(texts);
        int before = embedder.size();
        for (int from = 0; from < all.size(); from += CHUNK) {
            int sizeBefore = embedder.size();
            embedder.embedAll(all.subList(from, Math.min(all.size(), from + CHUNK)), Language.ZH);
            if (embedder.size() > sizeBefore) {
                embedder.save(cache);
                System.err.printf(Locale.ROOT, "[match] %s: %d/%d texts, %d newly embedded%n",
                        cacheName, Math.min(all.size(), from + CHUNK), all.size(), embedder.size() - before);
            }
        }
    }

    /** The labels in pair order. */
    double[] labels() {
        return pairs.labels();
    }
}
