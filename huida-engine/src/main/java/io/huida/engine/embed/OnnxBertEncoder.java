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
 * short texts (questions) run only with texts of equal count, so they see no padding (the quantised models
 * scale activations per batch, though, so a vector differs slightly from the one a text gets alone: cosine
 * about 0.997); longer texts (answers) share batches within 1/8 of their length. A single text (a customer's
 * message) runs on one thread: as fast as two for a short text, and the other cores stay free for the rest of the
 * reply. One larger batch runs on a session whose operators use every core; many batches (indexing, training) run on a second,
 * single-threaded session, one batch per core at a time, longest first, which spends less CPU on thread
 * hand-offs between the many small operators of a short sequence. Both give the same vector for the same
 * batch. The model and tokenizer are read from the classpath (the Maven artifacts ship them).
 * Thread-safe.
 */
final class OnnxBertEncoder {

    private static final int BATCH = 64;
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    /** Texts up to this many tokens are batched only with texts of equal length, so they never see padding. */
    private static final int EXACT_UP_TO = 40;

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final byte[] modelBytes;
    private final String modelResource;
    private volatile OrtSession bulk;
    private final HuggingFaceTokenizer tokenizer;
    private final Set<String> inputs;
    private final int maxTokens;

    OnnxBertEncoder(String modelResource, String tokenizerResource, int maxTokens) {
        this.maxTokens = maxTokens;
        this.modelResource = modelResource;
        try (InputStream model = open(modelResource); InputStream tok = open(tokenizerResource)) {
            this.modelBytes = model.readAllBytes();
            this.session = session(CORES);
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
        List<Integer[]> batches = new ArrayList<>();
        int from = 0;
        while (from < n) {
            int to = from + 1;
            int first = ids[order[from]].length;
            int widest = first <= EXACT_UP_TO ? first : first + first / 8;
            while (to < n && to - from < BATCH && ids[order[to]].length <= widest) {
                to++;
            }
            batches.add(Arrays.copyOfRange(order, from, to));
            from = to;
        }
        if (n == 1) { // one customer message: a single thread is as fast, and leaves the other cores to the reply
            run(bulkSession(), batches.get(0), ids, types, out);
        } else if (batches.size() == 1 || CORES == 1) {
            batches.forEach(batch -> run(session, batch, ids, types, out));
        } else {
            runInParallel(batches, ids, types, out);
        }
        return out;
    }

    /** Runs the batches on the single-threaded session, one per core at a time, longest batches first. */
    private void runInParallel(List<Integer[]> batches, long[][] ids, long[][] types, float[][] out) {
        OrtSession single = bulkSession();
        List<Integer[]> longestFirst = new ArrayList<>(batches);
        java.util.Collections.reverse(longestFirst);
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<RuntimeException> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Runnable worker = () -> {
            for (int k = next.getAndIncrement(); k < longestFirst.size() && failure.get() == null; k = next.getAndIncrement()) {
                try {
                    run(single, longestFirst.get(k), ids, types, out);
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }
        };
        List<Thread> threads = new ArrayList<>();
        for (int t = 1; t < Math.min(CORES, batches.size()); t++) {
            Thread thread = new Thread(worker, "huida-embed-" + t);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        worker.run();
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while embedding", e);
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private OrtSession bulkSession() {
        OrtSession s = bulk;
        if (s == null) {
            synchronized (this) {
                if (bulk == null) {
                    try {
                        bulk = session(1);
                    } catch (OrtException e) {
                        throw new IllegalStateException("cannot load embedding model " + modelResource + ": " + e.getMessage(), e);
                    }
                }
                s = bulk;
            }
        }
        return s;
    }

    private OrtSession session(int threads) throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(threads);
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        // idle inference threads sleep instead of spinning: a spinning thread takes a core from the web server, the
        // rest of the reply and the next request (measured: HTTP reply p50 15.3 → 11.9 ms on two busy cores)
        options.addConfigEntry("session.intra_op.allow_spinning", "0");
        return env.createSession(modelBytes, options);
    }

    private void run(OrtSession on, Integer[] batch, long[][] ids, long[][] types, float[][] out) {
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
            try (OrtSession.Result result = on.run(feed)) {
                // read only the CLS row of each text from the [batch, tokens, hidden] output
                OnnxTensor hidden = (OnnxTensor) result.get(0);
                long[] dims = hidden.getInfo().getShape();
                int width = (int) dims[2];
                java.nio.FloatBuffer all = hidden.getFloatBuffer();
                for (int r = 0; r < b; r++) {
                    float[] cls = new float[width];
                    all.get((int) (r * dims[1] * width), cls);
                    out[batch[r]] = cls;
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
