package io.huida.engine.bot;

import io.huida.engine.embed.BgeEmbedder;
import io.huida.engine.embed.CachingEmbedder;
import io.huida.engine.kb.Faq;
import io.huida.engine.kb.FaqFormat;
import io.huida.engine.kb.FaqReader;
import io.huida.engine.retrieval.Calibrator;
import io.huida.engine.retrieval.TextPipeline;
import io.huida.engine.text.TextNormalizer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The 66-FAQ sample knowledge base (a slice of the demo one) and a bot built on it, shared by tests. */
public final class TestKb {

    private static final TextPipeline PIPELINE = new TextPipeline(new TextNormalizer(), new CachingEmbedder(new BgeEmbedder()));
    private static Bot bot;

    private TestKb() {
    }

    public static TextPipeline pipeline() {
        return PIPELINE;
    }

    public static List<Faq> faqs() {
        try (InputStream in = TestKb.class.getResourceAsStream("/fixtures/kb-sample.csv")) {
            return new FaqReader().read(in.readAllBytes(), FaqFormat.CSV);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized Bot bot() {
        if (bot == null) {
            bot = Bot.build(faqs(), PIPELINE, new Calibrator(Calibrator.Settings.defaults()), null);
        }
        return bot;
    }
}
