package io.huida.bench;

import io.huida.engine.bot.Bot;
import io.huida.engine.embed.BgeEmbedder;
import io.huida.engine.embed.CachingEmbedder;
import io.huida.engine.kb.Faq;
import io.huida.engine.kb.FaqFormat;
import io.huida.engine.kb.FaqReader;
import io.huida.engine.retrieval.Calibrator;
import io.huida.engine.retrieval.QueryAdapter;
import io.huida.engine.retrieval.Ranker;
import io.huida.engine.retrieval.TextPipeline;
import io.huida.engine.text.TextNormalizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Builds a bot from a knowledge-base file the way the server does. */
final class Bots {

    private Bots() {
    }

    static List<Faq> readKb(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        return new FaqReader().read(bytes, FaqFormat.detect(file.getFileName().toString(), bytes));
    }

    static Bot build(List<Faq> faqs) {
        return build(faqs, Calibrator.Settings.defaults());
    }

    /** As the server does, with other calibration settings (to compare weights on held-out sets). */
    static Bot build(List<Faq> faqs, Calibrator.Settings settings) {
        return build(faqs, settings, QueryAdapter.builtin());
    }

    /** As the server does, with other calibration settings and another query adapter. */
    static Bot build(List<Faq> faqs, Calibrator.Settings settings, QueryAdapter adapter) {
        TextPipeline pipeline = new TextPipeline(new TextNormalizer(), new CachingEmbedder(new BgeEmbedder()), adapter);
        return Bot.build(faqs, pipeline, new Calibrator(settings), null);
    }

    /** The query adapter of {@code --adapter FILE|builtin|none} (the built-in one when absent). */
    static QueryAdapter adapter(Args args) throws IOException {
        String a = args.get("adapter", "builtin");
        return a.equals("builtin") ? QueryAdapter.builtin() : a.equals("none") ? QueryAdapter.identity()
                : QueryAdapter.read(Path.of(a));
    }

    /**
     * The default settings, with the evidence weights of {@code --weights w1,w2,…}, the ranker of {@code --ranker FILE}
     * ({@code builtin}: the shipped one with its shift and gap; {@code none}: the linear score alone, the default), the
     * threshold shift of {@code --shift} and the clarify gap of {@code --clarify-gap}, if given.
     */
    static Calibrator.Settings settings(Args args) throws IOException {
        Calibrator.Settings d = Calibrator.Settings.defaults();
        if (args.values().containsKey("ranker")) {
            String r = args.require("ranker");
            Calibrator.Settings ranked = Calibrator.Settings.ranked();
            d = r.equals("none") ? Calibrator.Settings.linear() : r.equals("builtin") ? ranked
                    : ranked.withRanker(Ranker.read(Path.of(r)), ranked.thresholdShift(), ranked.clarifyGap());
        }
        double[] weights = args.values().containsKey("weights")
                ? java.util.Arrays.stream(args.require("weights").split(",")).mapToDouble(Double::parseDouble).toArray()
                : d.weights();
        double shift = Double.parseDouble(args.get("shift", Double.toString(d.thresholdShift())));
        double gap = Double.parseDouble(args.get("clarify-gap", Double.toString(d.clarifyGap())));
        return new Calibrator.Settings(weights, d.maxSamples(), d.outOfScopeWeight(), shift, gap,
                d.clarifyMargin(), d.seed(), d.faqOffsetWeight(), d.ranker());
    }
}
