package io.huida.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code huida-bench ws-load}: live-chat connections held by a running server while each visitor sends a message every
 * interval; reports, per load level, how many connections were held and the delivery latency (message sent → stored and
 * acknowledged, and → the bot's reply) at p50/p99, and the largest level whose acknowledgement p99 stayed under the limit.
 *
 * <p>{@code --mode transport} first has an agent take every conversation (the bot stays quiet), so only storing,
 * numbering and delivery are measured; {@code --mode bot} (default) lets the bot answer every message.
 */
final class WsLoadCommand {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String[] QUESTIONS = {"信用卡年费多少钱？", "怎么申请退货？", "流量不够用了怎么办", "宽带网速慢怎么办",
            "How do I track my order?", "话费怎么查", "怎么修改收货地址", "退款多久到账"};

    private WsLoadCommand() {
    }

    static void run(Args args) throws Exception {
        String url = args.get("url", "http://127.0.0.1:8080");
        String mode = args.get("mode", "bot");
        Duration interval = Duration.ofSeconds(Long.parseLong(args.get("interval", "10")));
        Duration duration = Duration.ofSeconds(Long.parseLong(args.get("duration", "60")));
        double limitMs = Double.parseDouble(args.get("p99-limit", "200"));
        String password = args.get("password", null);
        if (mode.equals("transport") && password == null) {
            throw new IllegalArgumentException("--mode transport needs --password (admin) so an agent can take the conversations");
        }
        int best = 0;
        for (String level : args.get("connections", "100,500,1000").split(",")) {
            int n = Integer.parseInt(level.strip());
            Level r = level(url, n, mode, password, interval, duration);
            System.out.println(r);
            if (r.held() == n && r.ackP99() < limitMs && r.errors() == 0) {
                best = Math.max(best, n);
            }
        }
        System.out.printf(Locale.ROOT, "largest load with every connection held, no errors and ack p99 < %.0f ms: %d connections%n",
                limitMs, best);
    }

    record Level(int connections, int held, long sent, long acked, long replies, int errors, double ackP50, double ackP99,
                 double replyP50, double replyP99, String mode) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-9s connections %6d held %6d  messages sent %7d acked %7d replies %7d errors %d"
                            + "  ack p50 %7.1f ms p99 %7.1f ms  reply p50 %7.1f ms p99 %7.1f ms",
                    mode, connections, held, sent, acked, replies, errors, ackP50, ackP99, replyP50, replyP99);
        }
    }

    /** One visitor connection and its messages in flight. */
    private static final class Visitor implements WebSocket.Listener {
        final Map<String, Long> sentAt = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<Long> lastSent = new ConcurrentLinkedQueue<>();
        final CountDownLatch ready = new CountDownLatch(1);
        final CountDownLatch firstReply = new CountDownLatch(1);
        final StringBuilder partial = new StringBuilder();
        final Stats stats;
        volatile String conversationId;
        volatile WebSocket socket;

        Visitor(Stats stats) {
            this.stats = stats;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                handle(JSON.readTree(partial.toString()));
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        private void handle(JsonNode f) {
            long now = System.nanoTime();
            switch (f.path("type").asString("")) {
                case "session" -> conversationId = f.path("conversationId").asString();
                case "ready" -> ready.countDown();
                case "ack" -> {
                    Long t = sentAt.get(f.path("clientId").asString());
                    if (t != null) {
                        stats.acks.add((now - t) / 1e6);
                    }
                }
                case "message" -> {
                    if (f.path("sender").asString().equals("bot")) {
                        firstReply.countDown();
                        Long t = lastSent.poll();
                        if (t != null) {
                            stats.replies.add((now - t) / 1e6);
                        }
                    }
                }
                case "error" -> stats.errors.incrementAndGet();
                default -> { }
            }
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            stats.errors.incrementAndGet();
        }
    }

    private static final class Stats {
        final ConcurrentLinkedQueue<Double> acks = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Double> replies = new ConcurrentLinkedQueue<>();
        final AtomicInteger errors = new AtomicInteger();
        final AtomicLong sent = new AtomicLong();
    }

    private static Level level(String url, int n, String mode, String password, Duration interval, Duration duration)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                .executor(Executors.newFixedThreadPool(Math.max(4, Runtime.getRuntime().availableProcessors() * 2), r -> {
                    Thread t = new Thread(r, "ws-load");
                    t.setDaemon(true);
                    return t;
                })).build();
        Stats stats = new Stats();
        List<Visitor> visitors = new ArrayList<>();
        URI ws = URI.create(url.replaceFirst("^http", "ws") + "/ws/chat");
        List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Visitor v = new Visitor(stats);
            visitors.add(v);
            opening.add(http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30)).buildAsync(ws, v)
                    .whenComplete((socket, error) -> {
                        if (socket != null) {
                            v.socket = socket;
                            socket.sendText("{\"type\":\"hello\",\"lastSeq\":0}", true);
                        } else {
                            stats.errors.incrementAndGet();
                        }
                    }));
            if (i % 200 == 199) {
                Thread.sleep(50); // do not flood the accept queue
            }
        }
        int held = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (Visitor v : visitors) {
            long left = Math.max(0, deadline - System.nanoTime());
            if (v.ready.await(left, TimeUnit.NANOSECONDS)) {
                held++;
            }
        }
        if (mode.equals("transport")) {
            takeAll(http, url, password, visitors);
        }
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
        long periodMs = interval.toMillis();
        AtomicLong counter = new AtomicLong();
        for (int i = 0; i < visitors.size(); i++) {
            Visitor v = visitors.get(i);
            if (v.socket == null) {
                continue;
            }
            long offset = periodMs * i / visitors.size();
            timer.scheduleAtFixedRate(() -> {
                String id = "b" + counter.incrementAndGet();
                long now = System.nanoTime();
                v.sentAt.put(id, now);
                v.lastSent.add(now);
                stats.sent.incrementAndGet();
                String text = QUESTIONS[(int) (counter.get() % QUESTIONS.length)];
                v.socket.sendText("{\"type\":\"message\",\"clientId\":\"" + id + "\",\"text\":\"" + text + "\"}", true);
            }, offset, periodMs, TimeUnit.MILLISECONDS);
        }
        Thread.sleep(duration.toMillis());
        timer.shutdownNow();
        Thread.sleep(Math.min(5000, periodMs)); // let the last answers arrive
        for (Visitor v : visitors) {
            if (v.socket != null) {
                v.socket.abort();
            }
        }
        List<Double> acks = new ArrayList<>(stats.acks);
        List<Double> replies = new ArrayList<>(stats.replies);
        return new Level(n, held, stats.sent.get(), acks.size(), replies.size(), stats.errors.get(), pct(acks, 50),
                pct(acks, 99), pct(replies, 50), pct(replies, 99), mode);
    }

    /** Has an agent (the admin) take every conversation, so the bot stays quiet. */
    private static void takeAll(HttpClient http, String url, String password, List<Visitor> visitors) throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        for (Visitor v : visitors) {
            if (v.conversationId == null) {
                continue;
            }
            // a conversation row exists once a first message was stored: send one, then take it over
            v.socket.sendText("{\"type\":\"message\",\"clientId\":\"init\",\"text\":\"转人工\"}", true);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        for (Visitor v : visitors) { // the bot answers the first message: then the conversation exists
            if (v.conversationId != null) {
                v.firstReply.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        }
        for (Visitor v : visitors) {
            if (v.conversationId == null) {
                continue;
            }
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/supervisor/conversations/"
                    + v.conversationId + "/takeover")).header("Authorization", auth).POST(HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                System.err.println("could not take " + v.conversationId + ": HTTP " + r.statusCode());
            }
            v.lastSent.clear();
        }
    }

    private static double pct(List<Double> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return Math.round(sorted.get(Math.max(0, i)) * 10) / 10.0;
    }
}
