package io.huida.bench;

import io.huida.engine.bot.Bot;
import io.huida.engine.bot.BotRequest;
import io.huida.engine.embed.BgeEmbedder;
import io.huida.engine.eval.BatchCase;
import io.huida.engine.eval.BatchTest;
import io.huida.engine.text.Language;
import io.huida.engine.text.TextNormalizer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
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

        Bot bot = Bots.build(Bots.readKb(kb));
        BgeEmbedder raw = new BgeEmbedder();
        TextNormalizer normalizer = new TextNormalizer();
        for (String q : warm) {
            bot.reply(BotRequest.of(q));
            String norm = normalizer.normalize(q);
            raw.embed(norm, Language.of(norm));
        }
        double[] embed = new double[n];
        double[] reply = new double[n];
        for (int i = 0; i < n; i++) {
            String norm = normalizer.normalize(measured.get(i));
            long t0 = System.nanoTime();
            raw.embed(norm, Language.of(norm));
            embed[i] = (System.nanoTime() - t0) / 1e6;
        }
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
        print("embedding-only", kb, n, embed, n / sum(embed) * 1000);
        print("in-process", kb, n, reply, n / seconds);

        String url = args.values().get("url");
        if (url != null) {
            String auth = "Basic " + Base64.getEncoder().encodeToString((args.get("user", "admin") + ":"
                    + args.require("password")).getBytes(StandardCharsets.UTF_8));
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
            for (String q : warm) {
                post(client, url, auth, q);
            }
            double[] http = new double[n];
            start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                post(client, url, auth, measured.get(i));
                http[i] = (System.nanoTime() - t0) / 1e6;
            }
            seconds = (System.nanoTime() - start) / 1e9;
            print("http (admin basic auth)", kb, n, http, n / seconds);
            HttpResponse<String> session = client.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/visitor/sessions"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            String visitor = session.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
            String sessionId = session.body().replaceAll(".*\"sessionId\":\"([^\"]+)\".*", "$1");
            double[] web = new double[n];
            start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                postAsVisitor(client, url, visitor, sessionId, measured.get(i));
                web[i] = (System.nanoTime() - t0) / 1e6;
            }
            seconds = (System.nanoTime() - start) / 1e9;
            print("http (chat visitor token)", kb, n, web, n / seconds);
            int threads = Integer.parseInt(args.get("threads", "4"));
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            double[] concurrent = new double[n];
            start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                final int k = i;
                futures.add(pool.submit(() -> {
                    long t0 = System.nanoTime();
                    post(client, url, auth, measured.get(k));
                    concurrent[k] = (System.nanoTime() - t0) / 1e6;
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            print("http-" + threads + "-threads", kb, n, concurrent, n / seconds);
        }
    }

    private static void postAsVisitor(HttpClient client, String url, String token, String sessionId, String text) throws Exception {
        send(client, HttpRequest.newBuilder(URI.create(url + "/api/v1/bot/messages")).header("X-Visitor-Token", token),
                sessionId, "web", text);
    }

    private static void post(HttpClient client, String url, String auth, String text) throws Exception {
        send(client, HttpRequest.newBuilder(URI.create(url + "/api/v1/bot/messages")).header("Authorization", auth),
                "bench", "api", text);
    }

    private static void send(HttpClient client, HttpRequest.Builder request, String sessionId, String channel, String text)
            throws Exception {
        String json = "{\"sessionId\":\"" + sessionId + "\",\"channel\":\"" + channel + "\",\"text\":\""
                + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        HttpResponse<String> r = client.send(request
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + r.statusCode() + " for '" + text + "': " + r.body());
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
