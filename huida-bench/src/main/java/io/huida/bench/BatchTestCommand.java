package io.huida.bench;

import io.huida.engine.bot.Bot;
import io.huida.engine.eval.BatchCase;
import io.huida.engine.eval.BatchReport;
import io.huida.engine.eval.BatchTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code huida-bench batch-test}: imports a knowledge base, answers held-out queries, prints the report. */
final class BatchTestCommand {

    private BatchTestCommand() {
    }

    static void run(Args args) throws Exception {
        Path kb = Path.of(args.require("kb"));
        Path queries = Path.of(args.require("queries"));
        long t0 = System.nanoTime();
        Bot bot = Bots.build(Bots.readKb(kb), Bots.settings(args), Bots.adapter(args));
        double buildSeconds = (System.nanoTime() - t0) / 1e9;
        List<BatchCase> cases = BatchTest.parse(Files.readAllBytes(queries));
        t0 = System.nanoTime();
        BatchReport report = BatchTest.run(bot, cases);
        double runSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("{\"kb\":\"%s\",\"faqs\":%d,\"queries\":%d,\"in_scope_answer_accuracy\":%.4f,"
                        + "\"clarify_rate\":%.4f,\"clarify_hit_rate\":%.4f,\"wrong_answer_rate\":%.4f,"
                        + "\"oos_rejection_rate\":%.4f,\"build_seconds\":%.2f,\"run_seconds\":%.2f,\"calibration\":\"%s\"}%n",
                kb, bot.index().faqs().size(), report.total(), report.top1Accuracy(), report.clarifyRate(),
                report.clarifyHitRate(), report.wrongAnswerRate(), report.noneRejectedRate(), buildSeconds, runSeconds,
                bot.calibration());
        report.byStyle().forEach((style, rate) -> System.out.printf("  %-22s %.4f%n", style, rate));
        if (args.has("diagnose") || args.has("dump") || args.has("features")) {
            Diagnose.run(bot, cases, args.has("dump"), args.has("features"));
        }
        if (args.has("misses")) {
            for (BatchReport.Miss m : report.misses()) {
                System.out.printf("  MISS row %d [%s] expected=%s got=%s %s (%.3f) %s%n", m.row(), m.query(), m.expectedId(),
                        m.answeredType(), m.answeredId(), m.confidence(), m.answeredQuestion());
            }
        }
    }
}
