package io.huida.bench;

import io.huida.engine.nlu.intent.IntentExample;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the public intent datasets (see {@code shared/datasets/README.md}) and generic TSV files into
 * train / validation / test splits. The label {@value #OOS} marks out-of-scope messages.
 */
final class IntentDatasets {

    static final String OOS = "oos";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One dataset: training examples (may include {@value #OOS} rows), validation and test rows. */
    record Splits(String name, List<IntentExample> train, List<IntentExample> valid, List<IntentExample> test) {
    }

    private IntentDatasets() {
    }

    static Splits load(String dataset, Path dataDir) throws IOException {
        return switch (dataset) {
            case "banking77" -> new Splits(dataset, csv(dataDir.resolve("banking77/train.csv")), List.of(),
                    csv(dataDir.resolve("banking77/test.csv")));
            case "clinc150" -> clinc(dataDir.resolve("clinc150_oos_eval/data_full.json"));
            case "banking77-oos" -> banking77Oos(dataDir.resolve("banking77_oos_and_fewshot_jianguoz/BANKING77-OOS"));
            case "cais" -> jsonSplits(dataset, dataDir.resolve("zh_intent_cais_smp/CAIS"));
            case "smp2019" -> jsonSplits(dataset, dataDir.resolve("zh_intent_cais_smp/SMP2019"));
            case "smp2020" -> jsonSplits(dataset, dataDir.resolve("zh_intent_cais_smp/SMP2020"));
            default -> throw new IllegalArgumentException("unknown dataset '" + dataset
                    + "': expected banking77, clinc150, banking77-oos, cais, smp2019 or smp2020");
        };
    }

    /** Reads a TSV of {@code text<TAB>label} lines; a first line {@code text<TAB>label} is skipped. */
    static List<IntentExample> tsv(Path file) throws IOException {
        List<IntentExample> out = new ArrayList<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(file)) {
            lineNo++;
            if (line.isBlank() || (lineNo == 1 && line.equals("text\tlabel"))) {
                continue;
            }
            int tab = line.lastIndexOf('\t');
            if (tab <= 0 || tab == line.length() - 1) {
                throw new IllegalArgumentException(file + " line " + lineNo + ": expected text<TAB>label, got '" + line + "'");
            }
            out.add(new IntentExample(line.substring(0, tab).strip(), line.substring(tab + 1).strip()));
        }
        return out;
    }

    private static List<IntentExample> csv(Path file) throws IOException {
        List<IntentExample> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file)) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                out.add(new IntentExample(rec.get("text"), rec.get("category")));
            }
        }
        return out;
    }

    private static Splits clinc(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        return new Splits("clinc150", concat(pairs(root.get("train")), pairs(root.get("oos_train"))),
                concat(pairs(root.get("val")), pairs(root.get("oos_val"))),
                concat(pairs(root.get("test")), pairs(root.get("oos_test"))));
    }

    private static List<IntentExample> pairs(JsonNode array) {
        List<IntentExample> out = new ArrayList<>();
        for (JsonNode pair : array) {
            out.add(new IntentExample(pair.get(0).asString(), pair.get(1).asString()));
        }
        return out;
    }

    private static Splits banking77Oos(Path dir) throws IOException {
        return new Splits("banking77-oos", lines(dir.resolve("train")),
                concat(lines(dir.resolve("valid")), concat(lines(dir.resolve("id-oos/valid")), lines(dir.resolve("ood-oos/valid")))),
                concat(lines(dir.resolve("test")), concat(lines(dir.resolve("id-oos/test")), lines(dir.resolve("ood-oos/test")))));
    }

    private static List<IntentExample> lines(Path dir) throws IOException {
        List<String> texts = Files.readAllLines(dir.resolve("seq.in"));
        List<String> labels = Files.readAllLines(dir.resolve("label"));
        if (texts.size() != labels.size()) {
            throw new IllegalArgumentException(dir + ": " + texts.size() + " texts but " + labels.size() + " labels");
        }
        List<IntentExample> out = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            if (!texts.get(i).isBlank()) { // the published files hold a few empty utterances
                out.add(new IntentExample(texts.get(i), labels.get(i).strip()));
            }
        }
        return out;
    }

    private static Splits jsonSplits(String name, Path dir) throws IOException {
        return new Splits(name, json(dir.resolve("train.json")), json(dir.resolve("dev.json")), json(dir.resolve("test.json")));
    }

    private static List<IntentExample> json(Path file) throws IOException {
        List<IntentExample> out = new ArrayList<>();
        for (JsonNode row : JSON.readTree(file.toFile())) {
            out.add(new IntentExample(row.get("text").asString(), row.get("intent").asString()));
        }
        return out;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
