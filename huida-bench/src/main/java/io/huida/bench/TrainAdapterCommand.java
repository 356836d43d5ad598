package io.huida.bench;

import io.huida.engine.embed.BgeEmbedder;
import io.huida.engine.embed.CachingEmbedder;
import io.huida.engine.eval.BatchCase;
import io.huida.engine.eval.BatchTest;
import io.huida.engine.retrieval.KnowledgeIndex;
import io.huida.engine.retrieval.ParsedQuery;
import io.huida.engine.retrieval.QueryAdapter;
import io.huida.engine.retrieval.QuestionVector;
import io.huida.engine.retrieval.TextPipeline;
import io.huida.engine.text.Language;
import io.huida.engine.text.TextNormalizer;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code huida-bench train-adapter --sets DIR,DIR… --out FILE}: trains the {@link QueryAdapter} on development sets
 * (each a folder with {@code kb.csv} and {@code queries.csv}; never the test set). Examples: every Chinese query
 * against its knowledge base's questions (out-of-scope queries against "no FAQ"), and every knowledge-base question
 * against the knowledge base's other questions. Options: {@code --l2}, {@code --epochs}, {@code --scale},
 * {@code --bias}, {@code --rate} (see {@link AdapterTrainer}).
 */
final class TrainAdapterCommand {

    private TrainAdapterCommand() {
    }

    static void run(Args args) throws Exception {
        AdapterTrainer.Settings d = AdapterTrainer.Settings.defaults();
        AdapterTrainer.Settings settings = new AdapterTrainer.Settings(
                Double.parseDouble(args.get("l2", Double.toString(d.l2()))),
                Integer.parseInt(args.get("epochs", Integer.toString(d.epochs()))),
                Double.parseDouble(args.get("scale", Double.toString(d.scale()))),
                Double.parseDouble(args.get("bias", Double.toString(d.bias()))),
                Double.parseDouble(args.get("rate", Double.toString(d.rate()))));
        // raw sentence vectors: the adapter is learnt on top of the model's own
        TextPipeline pipeline = new TextPipeline(new TextNormalizer(), new CachingEmbedder(new BgeEmbedder()),
                QueryAdapter.identity());
        List<AdapterTrainer.Group> groups = new ArrayList<>();
        int queries = 0;
        int texts = 0;
        for (String dir : args.require("sets").split(",")) {
            KnowledgeIndex index = KnowledgeIndex.build(Bots.readKb(Path.of(dir, "kb.csv")), pipeline, null);
            Map<String, Integer> faqIndex = new HashMap<>();
            List<float[]> kbVectors = new ArrayList<>();
            List<Integer> kbFaq = new ArrayList<>();
            for (QuestionVector q : index.questions()) {
                if (q.language() == Language.ZH) {
                    kbVectors.add(q.vector());
                    kbFaq.add(faqIndex.computeIfAbsent(q.faqId(), k -> faqIndex.size()));
                }
            }
            List<float[]> qVectors = new ArrayList<>();
            List<Integer> qTargets = new ArrayList<>();
            for (BatchCase c : BatchTest.parse(Files.readAllBytes(Path.of(dir, "queries.csv")))) {
                ParsedQuery p = index.parse(c.query());
                if (p.language() != Language.ZH || p.vector().length == 0) {
                    continue;
                }
                Integer target = c.inScope() ? faqIndex.get(c.expectedId()) : Integer.valueOf(-1);
                if (target == null) {
                    throw new IllegalArgumentException(dir + ": query '" + c.query() + "' expects " + c.expectedId()
                            + ", which has no Chinese question in the knowledge base");
                }
                qVectors.add(p.vector());
                qTargets.add(target);
            }
            float[][] kb = kbVectors.toArray(float[][]::new);
            int[] faqs = kbFaq.stream().mapToInt(Integer::intValue).toArray();
            groups.add(new AdapterTrainer.Group(qVectors.toArray(float[][]::new),
                    qTargets.stream().mapToInt(Integer::intValue).toArray(), kb, faqs, false));
            groups.add(new AdapterTrainer.Group(kb, faqs, kb, faqs, true));
            queries += qVectors.size();
            texts += kb.length;
        }
        int dim = groups.get(0).texts()[0].length;
        long t0 = System.nanoTime();
        AdapterTrainer.Result result = new AdapterTrainer(settings).train(groups, dim);
        double seconds = (System.nanoTime() - t0) / 1e9;
        QueryAdapter adapter = QueryAdapter.of(result.matrix(), dim);
        Path out = Path.of(args.require("out"));
        try (OutputStream o = Files.newOutputStream(out)) {
            adapter.write(o);
        }
        if (!QueryAdapter.read(out).equals(adapter)) {
            throw new IllegalStateException("the written adapter " + out + " differs from the trained one");
        }
        System.out.printf(Locale.ROOT, "{\"queries\":%d,\"kb_questions\":%d,\"loss\":%.4f,\"seconds\":%.1f,\"out\":\"%s\","
                        + "\"settings\":\"%s\"}%n", queries, texts, result.loss(), seconds, out, settings);
    }
}
