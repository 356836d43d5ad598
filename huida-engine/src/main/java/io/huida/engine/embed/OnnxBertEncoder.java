package io.huida.engine.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a BERT-style ONNX sentence-embedding model with CLS pooling, many texts per inference call, which
 * embeds a knowledge base several times faster than one text at a time. Texts are sorted by token count;
 * short texts (questions) run only with texts of equal count, so they see no padding and get exactly the
 * vector they would get alone; longer texts (answers) share batches within 1/8 of their length. The model and tokenizer are read from the classpath (the Maven artifacts ship them).
 * Thread-safe.
 */
final class OnnxBertEncoder {

    private static final int BATCH = 64;
    /** Texts up to this many tokens are batched only with texts of equal length, so they never see padding. */
    private static final int EXACT_UP_TO = 40;

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final Set<String> inputs;
    private final int maxTokens;

    OnnxBertEncoder(String modelResource, String tokenizerResource, int maxTokens) {
        this.maxTokens = maxTokens;
        try (InputStream model = open(modelResource); InputStream tok = open(tokenizerResource)) {
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(Runtime.getRuntime().availableProcessors());
            this.session = env.createSession(model.readAllBytes(), options);
            this.tokenizer = HuggingFaceTokenizer.newInstance(tok, Map.of("padding", "false"));
            this.inputs = session.getInputNames();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read embedding model " + modelResource + ": " + e.getMessage(), e);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load embedding model " + modelResource + ": " + e.getMessage(), e);
        }
    }

    /** Embeds {@code texts}; returns raw (not normalised) CLS vectors in input order. */
    float[][] encode(List<String> texts) {
        int n = texts.size();
        long[][] ids = new long[n][];
        long[][] types = new long[n][];
        for (int i = 0; i < n; i++) {
            Encoding e = tokenizer.encode(texts.get(i), true, false);
            ids[i] = truncate(e.getIds());
            types[i] = truncate(e.getTypeIds());
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> ids[i].length));
        float[][] out = new float[n][];
        int from = 0;
        while (from < n) {
            int to = from + 1;
            int first = ids[order[from]].length;
            int widest = first <= EXACT_UP_TO ? first : first + first / 8;
            while (to < n && to - from < BATCH && ids[order[to]].length <= widest) {
                to++;
            }
            run(Arrays.copyOfRange(order, from, to), ids, types, out);
            from = to;
        }
        return out;
    }

    private void run(Integer[] batch, long[][] ids, long[][] types, float[][] out) {
        int b = batch.length;
        int len = 0;
        for (int i : batch) {
            len = Math.max(len, ids[i].length);
        }
        long[] idArr = new long[b * len];
        long[] maskArr = new long[b * len];
        long[] typeArr = new long[b * len];
        for (int r = 0; r < b; r++) {
            long[] row = ids[batch[r]];
            System.arraycopy(row, 0, idArr, r * len, row.length);
            System.arraycopy(types[batch[r]], 0, typeArr, r * len, row.length);
            Arrays.fill(maskArr, r * len, r * len + row.length, 1L);
        }
        long[] shape = {b, len};
        Map<String, OnnxTensor> feed = new HashMap<>();
        try {
            feed.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(idArr), shape));
            feed.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(maskArr), shape));
            if (inputs.contains("token_type_ids")) {
                feed.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(typeArr), shape));
            }
            try (OrtSession.Result result = session.run(feed)) {
                float[][][] hidden = (float[][][]) result.get(0).getValue();
                for (int r = 0; r < b; r++) {
                    out[batch[r]] = hidden[r][0];
                }
            }
        } catch (OrtException e) {
            throw new IllegalStateException("embedding inference failed: " + e.getMessage(), e);
        } finally {
            feed.values().forEach(OnnxTensor::close);
        }
    }

    private long[] truncate(long[] tokens) {
        if (tokens.length <= maxTokens) {
            return tokens;
        }
        long[] cut = Arrays.copyOf(tokens, maxTokens);
        cut[maxTokens - 1] = tokens[tokens.length - 1]; // keep [SEP]
        return cut;
    }

    private static InputStream open(String resource) {
        InputStream in = OnnxBertEncoder.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("embedding model resource '" + resource + "' is not on the classpath");
        }
        return in;
    }

    static List<String> nonBlank(List<String> texts) {
        List<String> out = new ArrayList<>(texts.size());
        for (String t : texts) {
            out.add(t == null || t.isBlank() ? "?" : t);
        }
        return out;
    }
}
