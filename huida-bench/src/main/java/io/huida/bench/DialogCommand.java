package io.huida.bench;

import io.huida.engine.bot.Bot;
import io.huida.engine.bot.BotReply;
import io.huida.engine.dialog.ConversationState;
import io.huida.engine.dialog.Customer;
import io.huida.engine.dialog.DialogEngine;
import io.huida.engine.dialog.DialogOptions;
import io.huida.engine.dialog.DialogRequest;
import io.huida.engine.dialog.DialogTurn;
import io.huida.engine.dialog.FlowActions;
import io.huida.engine.dialog.FlowIntents;
import io.huida.engine.dialog.WorkOrder;
import io.huida.engine.dialog.flow.CallResult;
import io.huida.engine.dialog.flow.FlowParser;
import io.huida.engine.dialog.flow.FlowSet;
import io.huida.engine.dialog.flow.HttpBusinessCaller;
import io.huida.engine.dialog.flow.Step;
import io.huida.engine.embed.BgeEmbedder;
import io.huida.engine.embed.CachingEmbedder;
import io.huida.engine.kb.Faq;
import io.huida.engine.nlu.MessageAnalyzer;
import io.huida.engine.retrieval.Calibrator;
import io.huida.engine.retrieval.TextPipeline;
import io.huida.engine.text.TextNormalizer;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code huida-bench dialog}: runs a set's multi-turn scenarios through the dialog engine the way an outside
 * reviewer would — their own FAQs ({@code faqs.csv}), flows ({@code flows.yaml}) and business system
 * ({@code service.json}, served locally) — and prints scenario and turn pass rates, per-category rates, failures per
 * expectation key, every failed turn and the reply latency.
 */
final class DialogCommand {

    static final String DEFAULT_SET = "huida-bench/data/dialog/test";
    /** When the first message of every scenario is sent (10:00 in Beijing); each further turn is 20 s later. */
    static final Instant START = Instant.parse("2026-11-22T02:00:00Z");
    static final Duration TURN_GAP = Duration.ofSeconds(20);

    private DialogCommand() {
    }

    /** The outcome of one turn. */
    record TurnResult(String scenario, String category, int turn, String say, BotReply reply,
                      List<DialogExpectations.Miss> misses, long nanos) {
        boolean passed() {
            return misses.isEmpty();
        }
    }

    static void run(Args args) throws Exception {
        Path set = Path.of(args.get("set", DEFAULT_SET));
        String only = args.get("category", null);
        List<DialogScenarios.Scenario> scenarios = DialogScenarios.parse(read(set.resolve("scenarios.yaml"))).stream()
                .filter(s -> only == null || s.category().equals(only)).toList();
        List<Faq> faqs = Bots.readKb(set.resolve("faqs.csv"));
        FlowSet flows = new FlowParser().parse(read(set.resolve("flows.yaml")));
        long t0 = System.nanoTime();
        Bot bot = Bot.build(faqs, new TextPipeline(new TextNormalizer(), new CachingEmbedder(new BgeEmbedder())),
                new Calibrator(Calibrator.Settings.defaults()), null, FlowIntents.examples(flows), MessageAnalyzer.defaults());
        System.out.printf(Locale.ROOT, "set %s: %d FAQs, %d flows, %d clarifications, %d scenarios (bot built in %.1f s)%n",
                set, faqs.size(), flows.flows().size(), flows.clarifications().size(), scenarios.size(),
                (System.nanoTime() - t0) / 1e9);
        try (FakeBusinessService service = FakeBusinessService.start(read(set.resolve("service.json")))) {
            DialogEngine engine = new DialogEngine(bot, flows, DialogOptions.of(new BenchFlowActions(service.base())));
            List<TurnResult> results = runAll(engine, scenarios);
            print(results, args.has("verbose"));
        }
    }

    /** Runs every scenario from a new conversation and checks every turn. */
    static List<TurnResult> runAll(DialogEngine engine, List<DialogScenarios.Scenario> scenarios) {
        List<TurnResult> out = new ArrayList<>();
        for (DialogScenarios.Scenario s : scenarios) {
            Customer customer = new Customer("bench-" + s.id(), s.name(), s.segment(), s.vip());
            ConversationState state = ConversationState.NEW;
            Instant now = START;
            for (int i = 0; i < s.turns().size(); i++) {
                DialogScenarios.TurnSpec t = s.turns().get(i);
                long start = System.nanoTime();
                DialogTurn turn = engine.reply(new DialogRequest(t.say(), s.channel(), customer, now), state);
                long nanos = System.nanoTime() - start;
                state = turn.state();
                now = now.plus(TURN_GAP);
                out.add(new TurnResult(s.id(), s.category(), i + 1, t.say(), turn.reply(),
                        DialogExpectations.check(t.expect(), turn.reply()), nanos));
            }
        }
        return out;
    }

    /** Prints the summary, the per-category and per-key figures and the failed turns. */
    static void print(List<TurnResult> results, boolean verbose) {
        Map<String, int[]> scenarios = new TreeMap<>(); // id -> {failed turns}
        Map<String, String> categoryOf = new TreeMap<>();
        Map<String, int[]> categories = new TreeMap<>(); // {scenarios, scenarios passed, turns, turns passed}
        Map<String, Integer> keys = new TreeMap<>();
        for (TurnResult r : results) {
            scenarios.computeIfAbsent(r.scenario(), k -> new int[1])[0] += r.passed() ? 0 : 1;
            categoryOf.put(r.scenario(), r.category());
            int[] c = categories.computeIfAbsent(r.category(), k -> new int[4]);
            c[2]++;
            c[3] += r.passed() ? 1 : 0;
            r.misses().forEach(m -> keys.merge(m.key(), 1, Integer::sum));
        }
        scenarios.forEach((id, failed) -> {
            int[] c = categories.get(categoryOf.get(id));
            c[0]++;
            c[1] += failed[0] == 0 ? 1 : 0;
        });
        long scenariosPassed = scenarios.values().stream().filter(f -> f[0] == 0).count();
        long turnsPassed = results.stream().filter(TurnResult::passed).count();
        long[] nanos = results.stream().mapToLong(TurnResult::nanos).sorted().toArray();
        System.out.printf(Locale.ROOT, "{\"scenarios\":%d,\"scenarios_passed\":%d,\"turns\":%d,\"turns_passed\":%d,"
                        + "\"p50_ms\":%.1f,\"p99_ms\":%.1f}%n", scenarios.size(), scenariosPassed, results.size(), turnsPassed,
                percentile(nanos, 0.50) / 1e6, percentile(nanos, 0.99) / 1e6);
        System.out.printf(Locale.ROOT, "scenarios passed %d / %d (%.1f %%), turns passed %d / %d (%.1f %%)%n",
                scenariosPassed, scenarios.size(), pct(scenariosPassed, scenarios.size()), turnsPassed, results.size(),
                pct(turnsPassed, results.size()));
        System.out.printf(Locale.ROOT, "latency per turn: p50 %.1f ms, p99 %.1f ms%n", percentile(nanos, 0.50) / 1e6,
                percentile(nanos, 0.99) / 1e6);
        System.out.println("per category (scenarios passed/total, turns passed/total):");
        categories.forEach((cat, c) -> System.out.printf(Locale.ROOT, "  %-22s %2d/%-2d %5.1f %%   %3d/%-3d %5.1f %%%n", cat,
                c[1], c[0], pct(c[1], c[0]), c[3], c[2], pct(c[3], c[2])));
        System.out.println("failures per expectation key:");
        keys.forEach((k, n) -> System.out.printf(Locale.ROOT, "  %-16s %d%n", k, n));
        System.out.println("failed turns:");
        for (TurnResult r : results) {
            if (r.passed()) {
                continue;
            }
            BotReply b = r.reply();
            System.out.printf(Locale.ROOT, "  FAIL %s turn %d [%s] \"%s\"%n", r.scenario(), r.turn(), r.category(), r.say());
            r.misses().forEach(m -> System.out.println("      " + m));
            if (verbose) {
                System.out.println("      reply: " + describe(b));
            } else {
                System.out.printf(Locale.ROOT, "      reply: %s flow=%s slot=%s faq=%s \"%s\"%n", b.type(), b.flowId(), b.slot(),
                        b.faqId(), abbreviate(b.text(), 80));
            }
        }
    }

    /** The whole reply on one line. */
    static String describe(BotReply b) {
        return String.format(Locale.ROOT, "%s flow=%s slot=%s faq=%s intent=%s(%.2f) emotion=%s(%.2f) entities=%s "
                        + "risks=%s choices=%s handoff=%s text=\"%s\"", b.type(), b.flowId(), b.slot(), b.faqId(),
                b.intent().name(), b.intent().confidence(), b.emotion().label(), b.emotion().intensity(),
                b.entities().stream().map(e -> e.type() + "=" + e.value()).toList(),
                b.risks().stream().map(BotReply.RiskFlag::type).toList(),
                b.choices().stream().map(o -> o.number() + "." + o.label() + "->" + o.target()).toList(),
                b.handoff() == null ? null : b.handoff().reason() + "/" + b.handoff().skill() + " summary=\""
                        + b.handoff().summary().replace('\n', ' ') + "\"", b.text().replace('\n', ' '));
    }

    private static String abbreviate(String s, int max) {
        String one = s.replace('\n', ' ');
        return one.length() <= max ? one : one.substring(0, max) + "…";
    }

    private static double pct(long n, long of) {
        return of == 0 ? 0 : 100.0 * n / of;
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(sorted.length * p) - 1)];
    }

    private static String read(Path file) throws Exception {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** Business calls over HTTP to the set's fake service, and work orders numbered here. */
    static final class BenchFlowActions implements FlowActions {
        private final HttpBusinessCaller caller;
        private final AtomicInteger tickets = new AtomicInteger();

        BenchFlowActions(URI base) {
            this.caller = new HttpBusinessCaller(base);
        }

        @Override
        public StepCall call(Step.Http step, Map<String, String> variables) {
            CallResult r = caller.call(step, variables);
            return new StepCall(r.ok(), r.fields(), r.failure());
        }

        @Override
        public String createWorkOrder(WorkOrder draft) {
            return String.format(Locale.ROOT, "GD%06d", tickets.incrementAndGet());
        }
    }
}
