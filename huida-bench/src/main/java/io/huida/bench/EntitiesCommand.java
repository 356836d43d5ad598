package io.huida.bench;

import io.huida.engine.nlu.entity.Entity;
import io.huida.engine.nlu.entity.EntityConfig;
import io.huida.engine.nlu.entity.EntityRecognizer;
import io.huida.engine.nlu.entity.ExtractionContext;
import io.huida.engine.nlu.entity.ProductExtractor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code huida-bench entities}: precision and recall of entity extraction per type on a labelled set
 * (JSON Lines: text, reference_time, entities with type, value, text, start, end), one JSON line per type
 * and an overall line with the extraction time per message (p50 and p99 over messages of the median of
 * five timed runs of each).
 */
final class EntitiesCommand {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    /** Each message is timed this many times and its median kept, so a preempted run on a busy machine does not count. */
    private static final int REPEATS = 5;

    private EntitiesCommand() {
    }

    static void run(Args args) throws Exception {
        Path file = Path.of(args.get("file", "huida-bench/data/entities/entities.jsonl"));
        Path products = Path.of(args.get("products", file.resolveSibling("products.tsv").toString()));
        Map<String, List<String>> dictionary;
        try (BufferedReader reader = Files.newBufferedReader(products, StandardCharsets.UTF_8)) {
            dictionary = ProductExtractor.readTsv(reader);
        }
        EntityRecognizer recognizer = new EntityRecognizer(EntityConfig.defaults().withProducts(dictionary));
        List<Case> cases = read(file);
        // JIT warm-up so the timings below are steady-state
        for (int i = 0; i < 20; i++) {
            for (Case c : cases) {
                recognizer.recognize(c.text, c.context);
            }
        }
        EntityScores scores = new EntityScores();
        double[] millis = new double[cases.size()];
        double[] runs = new double[REPEATS];
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            List<Entity> predicted = null;
            for (int r = 0; r < REPEATS; r++) {
                long t0 = System.nanoTime();
                predicted = recognizer.recognize(c.text, c.context);
                runs[r] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(runs);
            millis[i] = runs[REPEATS / 2];
            EntityScores.Misses misses = scores.add(c.expected, predicted);
            if (args.has("misses") && !misses.isEmpty()) {
                System.err.println(c.text);
                misses.missed().forEach(e -> System.err.println("   missed   " + describe(e)));
                misses.spurious().forEach(e -> System.err.println("   spurious " + describe(e)));
            }
        }
        scores.byType().forEach((type, counts) -> System.out.println(EntityScores.json(type, counts)));
        Arrays.sort(millis);
        String overall = EntityScores.json("overall", scores.overall());
        System.out.println(overall.substring(0, overall.length() - 1) + String.format(Locale.ROOT,
                ",\"messages\":%d,\"p50_ms\":%.4f,\"p99_ms\":%.4f}", cases.size(), percentile(millis, 0.50), percentile(millis, 0.99)));
    }

    private record Case(String text, ExtractionContext context, List<Entity> expected) {
    }

    private static List<Case> read(Path file) throws Exception {
        List<Case> cases = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode node = JSON.readTree(line);
                String text = node.get("text").asString();
                ZonedDateTime ref = ZonedDateTime.parse(node.get("reference_time").asString());
                List<Entity> expected = new ArrayList<>();
                for (JsonNode e : node.get("entities")) {
                    expected.add(new Entity(e.get("type").asString(), e.get("value").asString(), e.get("text").asString(),
                            e.get("start").asInt(), e.get("end").asInt()));
                }
                for (Entity e : expected) {
                    if (e.end() > text.length() || !text.substring(e.start(), e.end()).equals(e.text())) {
                        throw new IllegalArgumentException("span [" + e.start() + ", " + e.end() + ") is not '" + e.text() + "'");
                    }
                }
                cases.add(new Case(text, new ExtractionContext(ref), expected));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(file + " line " + n + ": " + e.getMessage(), e);
            }
        }
        return cases;
    }

    private static String describe(Entity e) {
        return e.type() + " '" + e.text() + "' [" + e.start() + "," + e.end() + ") = " + e.value();
    }

    private static double percentile(double[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
