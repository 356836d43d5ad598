package io.huida.bench;

import io.huida.engine.bot.Bot;
import io.huida.engine.embed.BgeEmbedder;
import io.huida.engine.embed.CachingEmbedder;
import io.huida.engine.kb.Faq;
import io.huida.engine.kb.FaqFormat;
import io.huida.engine.kb.FaqReader;
import io.huida.engine.retrieval.Calibrator;
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
        TextPipeline pipeline = new TextPipeline(new TextNormalizer(), new CachingEmbedder(new BgeEmbedder()));
        return Bot.build(faqs, pipeline, new Calibrator(Calibrator.Settings.defaults()), null);
    }
}
