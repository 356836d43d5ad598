package io.huida.bench;

import java.util.Arrays;

/** The {@code huida-bench} command line: dispatches to one benchmark. */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            System.exit(2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case "batch-test" -> BatchTestCommand.run(Args.parse(rest));
            case "latency" -> LatencyCommand.run(Args.parse(rest));
            case "tune" -> TuneCommand.run(Args.parse(rest));
            case "train-adapter" -> TrainAdapterCommand.run(Args.parse(rest));
            case "train-ranker" -> TrainRankerCommand.run(Args.parse(rest));
            case "intent" -> IntentCommand.run(Args.parse(rest));
            case "match" -> MatchCommand.run(Args.parse(rest));
            case "entities" -> EntitiesCommand.run(Args.parse(rest));
            case "emotion" -> EmotionCommand.run(Args.parse(rest));
            case "risk" -> RiskCommand.run(Args.parse(rest));
            case "compliance" -> ComplianceCommand.run(Args.parse(rest));
            case "dialog" -> DialogCommand.run(Args.parse(rest));
            case "ws-load" -> WsLoadCommand.run(Args.parse(rest));
            default -> {
                System.err.println("unknown command '" + args[0] + "'");
                usage();
                System.exit(2);
            }
        }
    }

    private static void usage() {
        System.err.println("""
                usage: huida-bench COMMAND [OPTIONS]
                  batch-test --kb KB.csv|xlsx|jsonl --queries QUERIES.csv [--misses] [--adapter builtin|none|FILE]
                             [--ranker builtin|none|FILE] [--shift S] [--clarify-gap G] [--weights W1,...]
                      answer accuracy of the bot on held-out queries (query,expected_id[,style])
                  train-adapter --sets DIR[,DIR...] --out FILE [--l2 0.001] [--epochs 100] [--scale 20] [--bias 0.6] [--rate 0.01]
                      learn the query adapter on development sets (kb.csv + queries.csv; never the test set)
                  train-ranker --sets DIR[,DIR...] --out FILE [--adapter builtin|none|FILE] [--trees 100] [--depth 3]
                      learn the opt-in ranker on development sets, its features through the query adapter
                  latency [--kb KB.csv] [--queries QUERIES.csv] [--n 500] [--warmup 1000] [--url http://127.0.0.1:8080 --user admin --password P [--http-warmup 3000]]
                      bot reply latency p50/p99 and throughput in-process (and over HTTP with --url),
                      beside the embedding-only time for the same queries
                  tune --sets DIR[,DIR...] [--positive-weight 3] [--l2 0.001] [--keep-weights | --weights W1,...,W12]
                      learn the global evidence weights and threshold shift on development sets (kb.csv + queries.csv)
                  tune --sets DIR[,DIR...] --search [--check DIR[,DIR...]] [--start "W1,...;W1,..."] [--passes 2] [--margin 0.02]
                      coordinate ascent on the weights, each trial calibrated per set and scored by the decision
                      figures; --check sets are only reported (held out)
                  intent --dataset banking77|clinc150|banking77-oos|cais|smp2019|smp2020 [--data-dir ../shared/datasets] [--split test|valid]
                  intent --train TRAIN.tsv --test TEST.tsv   (text<TAB>label, label oos = out of scope)
                      trains the intent model and prints accuracy, macro-F1, in-scope accuracy, OOS recall/precision, timings
                  match [--dataset bq|lcqmc|atec|pawsx|stsb[,...] | --file PAIRS.tsv] [--data-dir ../shared/datasets] [--limit N] [--bare]
                        [--train bq,lcqmc,atec]
                      question matching: Spearman x100 and accuracy of the bare bge-small-zh cosine and the system's
                      question similarity, fitted on the valid splits of --train (thresholds picked on the valid
                      split; with --file, by 5-fold cross-validation on the file itself)
                  entities [--file huida-bench/data/entities/entities.jsonl] [--products PRODUCTS.tsv] [--misses]
                      precision/recall of entity extraction per type on a labelled set (match: type, span and value)
                  emotion [--file huida-bench/data/emotion/test.tsv] [--misses]
                      emotion macro-F1, accuracy and per-label precision/recall on a labelled text<TAB>label file
                  risk [--file huida-bench/data/risk/test.tsv] [--misses]
                      risk detection per-type precision/recall, exact accuracy, false alarms and latency (text<TAB>types|none)
                      and the PII masker's cost per log line
                  compliance [--file huida-bench/data/compliance/test.tsv] [--misses]
                      compliance check accuracy and per-action precision/recall (text<TAB>industries<TAB>action)
                  dialog [--set huida-bench/data/dialog/test] [--category C] [--verbose]
                      multi-turn scenarios of a set (faqs.csv, flows.yaml, service.json, scenarios.yaml) through the
                      dialog engine: scenario/turn pass rates, per category and expectation key, failed turns, latency
                  ws-load [--url http://127.0.0.1:8080] [--connections 100,500,1000] [--interval 10] [--duration 60]
                          [--mode bot|transport --password P] [--p99-limit 200]
                      live-chat WebSocket connections held by a running server, each sending a message every interval:
                      connections held, ack and reply latency p50/p99 per level, largest level under the p99 limit""");
    }
}
