package io.huida.bench;

import io.huida.engine.embed.BgeEmbedder;
import io.huida.engine.embed.CachingEmbedder;
import io.huida.engine.eval.BatchCase;
import io.huida.engine.eval.BatchTest;
import io.huida.engine.retrieval.Calibration;
import io.huida.engine.retrieval.Calibrator;
import io.huida.engine.retrieval.Candidate;
import io.huida.engine.retrieval.Features;
import io.huida.engine.retrieval.KnowledgeIndex;
import io.huida.engine.retrieval.Ranker;
import io.huida.engine.retrieval.TextPipeline;
import io.huida.engine.text.TextNormalizer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code huida-bench train-ranker --sets DIR,DIR… --out FILE}: trains the {@link Ranker} on development sets (each a
 * folder with {@code kb.csv} and {@code queries.csv}; never the test set). Every candidate FAQ of every query is one
 * example, labelled by whether it is the expected FAQ (out-of-scope queries have none). Options: {@code --trees},
 * {@code --depth}, {@code --rate}, {@code --min-leaf}, {@code --adapter builtin|none|FILE} (the query adapter the
 * features are computed through; the built-in one by default).
 */
final class TrainRankerCommand {

    private TrainRankerCommand() {
    }

    static void run(Args args) throws Exception {
        TreeBooster booster = new TreeBooster(Integer.parseInt(args.get("trees", "100")), Integer.parseInt(args.get("depth", "3")),
                Double.parseDouble(args.get("rate", "0.1")), Integer.parseInt(args.get("min-leaf", "30")));
        TextPipeline pipeline = new TextPipeline(new TextNormalizer(), new CachingEmbedder(new BgeEmbedder()),
                Bots.adapter(args));
        Calibration linear = new Calibration(Calibrator.Settings.linear().weights(), 1, 0, 0.5, 0.5, 0.02);
        List<double[]> rows = new ArrayList<>();
        List<Boolean> labels = new ArrayList<>();
        Instant now = Instant.now();
        String sets = args.require("sets");
        for (String dir : sets.split(",")) {
            KnowledgeIndex index = KnowledgeIndex.build(Bots.readKb(Path.of(dir, "kb.csv")), pipeline, null);
            for (BatchCase c : BatchTest.parse(Files.readAllBytes(Path.of(dir, "queries.csv")))) {
                List<Candidate> candidates = index.candidates(index.parse(c.query()), now);
                List<Features> features = candidates.stream().map(Candidate::features).toList();
                double[][] inputs = Ranker.inputs(features, linear.scores(features));
                for (int i = 0; i < inputs.length; i++) {
                    rows.add(inputs[i]);
                    labels.add(c.inScope() && candidates.get(i).faq().id().equals(c.expectedId()));
                }
            }
        }
        boolean[] y = new boolean[labels.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels.get(i);
        }
        TreeBooster.Model model = booster.fit(rows.toArray(double[][]::new), y);
        String header = String.format(Locale.ROOT, """
                Huida ranker: gradient-boosted trees over the retrieval features, the linear score and its lead.
                Inputs 0-%d: Features.toArray(); %d: linear score; %d: lead over the best other candidate.
                Trained by: huida-bench train-ranker --sets %s --trees %d --depth %d --rate %s --min-leaf %d
                --adapter %s (%d candidate rows).""", Features.SIZE - 1, Features.SIZE, Features.SIZE + 1, sets, booster.trees(),
                booster.depth(), booster.learningRate(), booster.minLeaf(), args.get("adapter", "builtin"), rows.size());
        Path out = Path.of(args.require("out"));
        Files.writeString(out, Ranker.write(header, model.base(), model.trees()), StandardCharsets.UTF_8);
        Ranker check = Ranker.read(out);
        for (int i = 0; i < Math.min(rows.size(), 50); i++) {
            if (Math.abs(check.logOdds(rows.get(i)) - model.logOdds(rows.get(i))) > 1e-9) {
                throw new IllegalStateException("the written ranker disagrees with the trained one on row " + i);
            }
        }
        System.out.printf(Locale.ROOT, "{\"rows\":%d,\"trees\":%d,\"out\":\"%s\"}%n", rows.size(), check.trees(), out);
    }
}
