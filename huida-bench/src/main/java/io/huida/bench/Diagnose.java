package io.huida.bench;

import io.huida.engine.bot.Bot;
import io.huida.engine.bot.BotRequest;
import io.huida.engine.eval.BatchCase;
import io.huida.engine.retrieval.Candidate;
import io.huida.engine.retrieval.ParsedQuery;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** Ranking diagnostics for tuning: top-1 accuracy of single features and of the fused score. */
final class Diagnose {

    private Diagnose() {
    }

    static void run(Bot bot, List<BatchCase> cases, boolean dump, boolean features) {
        String[] names = {"fused", "semantic", "coverage", "lexical", "pinyin", "answerSem"};
        List<ToDoubleFunction<Candidate>> scores = List.of(Candidate::probability, c -> c.features().semantic(),
                c -> c.features().coverage(), c -> c.features().lexical(), c -> c.features().pinyinCoverage(),
                c -> c.features().semanticAnswer());
        int[] right = new int[names.length];
        int in = 0;
        for (BatchCase c : cases) {
            BotRequest req = BotRequest.of(c.query());
            ParsedQuery q = bot.index().parse(c.query());
            List<Candidate> ranked = bot.rank(q, req);
            if (dump) {
                var intent = bot.intent(q, ranked);
                var top = bot.intents().map(m -> m.predict(new io.huida.engine.nlu.intent.EncodedText(q.normalized(), q.language(), q.vector()), 0))
                        .map(p -> p.best() + ":" + String.format(Locale.ROOT, "%.3f", p.confidence())).orElse("-");
                System.out.printf(Locale.ROOT, "DUMP\t%s\t%s\t%s\t%s\t%s\t%s\t%s%n", c.expectedId(), c.query(), q.normalized(), bot.reply(req).type(),
                        intent.name(), top, ranked.stream().limit(3)
                        .map(x -> String.format(Locale.ROOT, "%s:%.2f[s%.2f m%.2f a%.2f l%.2f c%.2f q%.2f p%.2f]", x.faq().id(), x.probability(),
                                x.features().semantic(), x.features().semanticMargin(), x.features().semanticAnswer(),
                                x.features().lexical(), x.features().coverage(), x.features().questionCoverage(),
                                x.features().pinyinCoverage())).toList());
            }
            if (features) { // expected id, style, length, reply type, then the top five: id:probability:score,features…
                StringBuilder sb = new StringBuilder("FEAT\t" + c.expectedId() + "\t" + c.style() + "\t"
                        + q.normalized().length() + "\t" + bot.reply(req).type());
                for (Candidate x : ranked.stream().limit(5).toList()) {
                    sb.append('\t').append(x.faq().id()).append(':').append(String.format(Locale.ROOT, "%.4f:%.4f",
                            x.probability(), bot.calibration().score(x.features())));
                    for (double v : x.features().toArray()) {
                        sb.append(String.format(Locale.ROOT, ",%.4f", v));
                    }
                }
                System.out.println(sb);
            }
            if (!c.inScope()) {
                continue;
            }
            in++;
            for (int i = 0; i < names.length; i++) {
                ToDoubleFunction<Candidate> f = scores.get(i);
                Candidate top = ranked.stream().max(Comparator.comparingDouble(f)).orElse(null);
                if (top != null && top.faq().id().equals(c.expectedId())) {
                    right[i]++;
                }
            }
        }
        for (int i = 0; i < names.length; i++) {
            System.out.printf(Locale.ROOT, "  top1 by %-10s %.4f%n", names[i], right[i] / (double) in);
        }
    }
}
