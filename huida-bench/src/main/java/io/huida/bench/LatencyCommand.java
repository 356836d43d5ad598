package io.huida.bench;

import io.huida.engine.bot.Bot;
import io.huida.engine.bot.BotRequest;
import io.huida.engine.dialog.ConversationState;
import io.huida.engine.dialog.DialogEngine;
import io.huida.engine.dialog.DialogOptions;
import io.huida.engine.dialog.DialogRequest;
import io.huida.engine.dialog.FlowActions;
import io.huida.engine.dialog.FlowIntents;
import io.huida.engine.dialog.WorkOrder;
import io.huida.engine.dialog.flow.Step;
import io.huida.engine.dialog.flow.FlowParser;
import io.huida.engine.dialog.flow.FlowSet;
import io.huida.engine.embed.BgeEmbedder;
import io.huida.engine.embed.CachingEmbedder;
import io.huida.engine.nlu.MessageAnalyzer;
import io.huida.engine.retrieval.Calibrator;
import io.huida.engine.retrieval.TextPipeline;
import io.huida.engine.eval.BatchCase;
import io.huida.engine.eval.BatchTest;
import io.huida.engine.text.Language;
import io.huida.engine.text.TextNormalizer;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code huida-bench latency}: bot reply latency (p50/p99) and throughput on a knowledge base, in process
 * and (with {@code --url}) over HTTP, beside the embedding-only time for the same queries. Sequential
 * unless noted; each measured query is different, so no cache helps.
 */
final class LatencyCommand {

    private LatencyCommand() {
    }

    static void run(Args args) throws Exception {
        Path kb = Path.of(args.get("kb", "huida-server/src/main/resources/demo/demo-kb.csv"));
        List<String> queries = new ArrayList<>();
        for (String file : args.get("queries", "huida-bench/data/eval-a/queries.csv,huida-bench/data/eval-b/queries.csv,huida-bench/data/eval-c/queries.csv").split(",")) {
            for (BatchCase c : BatchTest.parse(Files.readAllBytes(Path.of(file)))) {
                queries.add(c.query());
            }
        }
        int n = Math.min(Integer.parseInt(args.get("n", "500")), queries.size());
        List<String> measured = queries.subList(0, n);
        // JIT warm-up (queries may repeat: customer messages are never cached, so a repeat costs the same)
        int warmups = Integer.parseInt(args.get("warmup", "1000"));
        List<String> warm = new ArrayList<>(warmups);
        for (int i = 0; i < warmups; i++) {
            warm.add(queries.get(queries.size() - 1 - i % queries.size()));
        }

        BgeEmbedder raw = new BgeEmbedder();
        TextNormalizer normalizer = new TextNormalizer();
        for (String q : warm) {
            String norm = normalizer.normalize(q);
            raw.embed(norm, Language.of(norm));
        }
        double[] embed = new double[n];
        for (int i = 0; i < n; i++) {
            String norm = normalizer.normalize(measured.get(i));
            long t0 = System.nanoTime();
            raw.embed(norm, Language.of(norm));
            embed[i] = (System.nanoTime() - t0) / 1e6;
        }
        if (!args.has("http-only")) {
            inProcess(args, kb, warm, measured);
        }
        print("embedding-only", kb, n, embed, n / sum(embed) * 1000);
        String url = args.values().get("url");
        if (url != null) {
            Map<String, String> normalized = new java.util.HashMap<>(); // normalised beforehand, as in the loop above
            for (String q : measured) {
                normalized.put(q, normalizer.normalize(q));
            }
            http(args, kb, URI.create(url), warm, measured, query -> {
                String norm = normalized.get(query);
                raw.embed(norm, Language.of(norm));
            });
        }
    }

    /** The engine alone in this process: parsing, ranking, the bot's reply and the server's whole dialog turn. */
    private static void inProcess(Args args, Path kb, List<String> warm, List<String> measured) throws Exception {
        int n = measured.size();
        List<io.huida.engine.kb.Faq> faqs = Bots.readKb(kb);
        Bot bot = Bots.build(faqs);
        DialogEngine dialog = serverLike(faqs, Path.of(args.get("flows", "huida-server/src/main/resources/demo/flows.yaml")));
        for (String q : warm) {
            bot.reply(BotRequest.of(q));
        }
        double[] reply = new double[n];
        double[] parse = new double[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            bot.index().parse(measured.get(i));
            parse[i] = (System.nanoTime() - t0) / 1e6;
        }
        print("parse-only (normalise, correct, embed)", kb, n, parse, n / sum(parse) * 1000);
        double[] rank = new double[n];
        for (int i = 0; i < n; i++) {
            var parsed = bot.index().parse(measured.get(i));
            BotRequest request = BotRequest.of(measured.get(i));
            long t0 = System.nanoTime();
            bot.rank(parsed, request);
            rank[i] = (System.nanoTime() - t0) / 1e6;
        }
        print("rank-only (retrieve, score)", kb, n, rank, n / sum(rank) * 1000);
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            bot.reply(BotRequest.of(measured.get(i)));
            reply[i] = (System.nanoTime() - t0) / 1e6;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        for (String q : warm) {
            dialog.reply(DialogRequest.of(q), ConversationState.NEW);
        }
        double[] turn = new double[n];
        long dialogStart = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            dialog.reply(DialogRequest.of(measured.get(i)), ConversationState.NEW);
            turn[i] = (System.nanoTime() - t0) / 1e6;
        }
        double dialogSeconds = (System.nanoTime() - dialogStart) / 1e9;
        print("in-process", kb, n, reply, n / seconds);
        print("in-process dialog turn (what the HTTP answer runs)", kb, n, turn, n / dialogSeconds);

    }

    /**
     * The engine as the server runs it: the bot with the intent model trained on the FAQs and the demo flows'
     * triggers, entities and emotion, and a dialog engine with those flows, PII masking, risk and compliance checks
     * (a flow step that would call the business's systems answers at once as failed, so no network time is counted;
     * the server calls the demo business it serves itself).
     */
    private static DialogEngine serverLike(List<io.huida.engine.kb.Faq> faqs, Path flowsFile) throws Exception {
        FlowSet flows = new FlowParser().parse(Files.readString(flowsFile));
        Bot bot = Bot.build(faqs, new TextPipeline(new TextNormalizer(), new CachingEmbedder(new BgeEmbedder())),
                new Calibrator(Calibrator.Settings.defaults()), null, FlowIntents.examples(flows), MessageAnalyzer.defaults());
        FlowActions offline = new FlowActions() {
            @Override
            public StepCall call(Step.Http step, Map<String, String> variables) {
                return new StepCall(false, Map.of(), "not called by the latency bench");
            }

            @Override
            public String createWorkOrder(WorkOrder draft) {
                return "WO-BENCH";
            }
        };
        return new DialogEngine(bot, flows, DialogOptions.of(offline));
    }

    /**
     * Over HTTP, sequential: stateless FAQ answers (no session, as the knowledge-base API is called), the same in one
     * conversation (dialog state and the numbered transcript are stored with every message), as a chat visitor, and
     * with {@code --threads} clients at once.
     */
    private static void http(Args args, Path kb, URI url, List<String> warm, List<String> measured, Call embedOnly)
            throws Exception {
        int n = measured.size();
        Map<String, String> admin = Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (args.get("user", "admin") + ":" + args.require("password")).getBytes(StandardCharsets.UTF_8)));
        try (RawHttpClient client = new RawHttpClient(url)) {
            String session = "bench-" + Long.toString(System.nanoTime(), 36);
            RawHttpClient.Response visitor = client.postJson("/api/v1/visitor/sessions", Map.of(), "{}");
            String token = visitor.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
            String sessionId = visitor.body().replaceAll(".*\"sessionId\":\"([^\"]+)\".*", "$1");
            Map<String, String> asVisitor = Map.of("X-Visitor-Token", token);
            // every path is warmed up first (the server's JIT has not seen the conversation paths otherwise); the
            // stateless path until the server's compiler is done with it (--http-warmup requests, 8,000 by default:
            // measured on a fresh server, stateless p50 was 6.5 ms over its first 500 requests, 5.5 ms after 2,600
            // and 3.9-4.4 ms from about 5,000 on; a server that runs for days answers at that steady state)
            List<String> warmSome = warm.subList(0, Math.min(300, warm.size()));
            int httpWarmups = Integer.parseInt(args.get("http-warmup", "8000"));
            for (int i = 0; i < httpWarmups && !warm.isEmpty(); i++) {
                post(client, admin, null, "api", warm.get(i % warm.size()));
            }
            for (String q : warmSome) {
                post(client, admin, session + "-warm", "api", q);
                post(client, asVisitor, sessionId, "web", q);
            }
            measure("http (stateless answer, admin basic auth)", kb, measured, q -> post(client, admin, null, "api", q));
            paired(kb, measured, embedOnly, q -> post(client, admin, null, "api", q));
            measure("http (in a conversation, admin basic auth)", kb, measured, q -> post(client, admin, session, "api", q));
            measure("http (chat visitor token)", kb, measured, q -> post(client, asVisitor, sessionId, "web", q));
        }
        int threads = Integer.parseInt(args.get("threads", "4"));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        ThreadLocal<RawHttpClient> clients = ThreadLocal.withInitial(() -> new RawHttpClient(url));
        double[] concurrent = new double[n];
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            final int k = i;
            futures.add(pool.submit(() -> {
                long t0 = System.nanoTime();
                post(clients.get(), admin, null, "api", measured.get(k));
                concurrent[k] = (System.nanoTime() - t0) / 1e6;
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        print("http-" + threads + "-threads (stateless)", kb, n, concurrent, n / seconds);
    }

    private interface Call {
        void run(String query) throws Exception;
    }

    private static void measure(String mode, Path kb, List<String> queries, Call call) throws Exception {
        double[] ms = new double[queries.size()];
        long start = System.nanoTime();
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            call.run(queries.get(i));
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        print(mode, kb, ms.length, ms, ms.length / ((System.nanoTime() - start) / 1e9));
    }

    /**
     * Embedding-only and the stateless HTTP answer measured query by query in turn, so both see the machine at the
     * same moments (a shared VM's speed drifts by a tenth or more between runs a minute apart); prints both and the
     * ratio of their medians.
     */
    private static void paired(Path kb, List<String> queries, Call embedOnly, Call http) throws Exception {
        double[] embed = new double[queries.size()];
        double[] answer = new double[queries.size()];
        for (int i = 0; i < embed.length; i++) {
            long t0 = System.nanoTime();
            embedOnly.run(queries.get(i));
            long t1 = System.nanoTime();
            http.run(queries.get(i));
            embed[i] = (t1 - t0) / 1e6;
            answer[i] = (System.nanoTime() - t1) / 1e6;
        }
        double[] e = embed.clone();
        double[] a = answer.clone();
        Arrays.sort(e);
        Arrays.sort(a);
        System.out.printf(Locale.ROOT, "{\"mode\":\"paired: embedding-only then http stateless, query by query\",\"kb\":\"%s\","
                        + "\"queries\":%d,\"embedding_p50_ms\":%.2f,\"http_p50_ms\":%.2f,\"http_p99_ms\":%.2f,\"ratio_of_p50\":%.2f}%n",
                kb, e.length, percentile(e, 50), percentile(a, 50), percentile(a, 99), percentile(a, 50) / percentile(e, 50));
    }

    private static void post(RawHttpClient client, Map<String, String> headers, String sessionId, String channel, String text)
            throws Exception {
        String json = "{" + (sessionId == null ? "" : "\"sessionId\":\"" + sessionId + "\",") + "\"channel\":\"" + channel
                + "\",\"text\":\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        RawHttpClient.Response r = client.postJson("/api/v1/bot/messages", headers, json);
        if (r.status() != 200) {
            throw new IllegalStateException("HTTP " + r.status() + " for '" + text + "': " + r.body());
        }
    }

    private static void print(String mode, Path kb, int n, double[] ms, double perSecond) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "{\"mode\":\"%s\",\"kb\":\"%s\",\"queries\":%d,\"p50_ms\":%.2f,\"p99_ms\":%.2f,"
                        + "\"mean_ms\":%.2f,\"throughput_per_s\":%.1f}%n", mode, kb, n, percentile(sorted, 50),
                percentile(sorted, 99), sum(ms) / n, perSecond);
    }

    static double percentile(double[] sorted, double p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }
}
