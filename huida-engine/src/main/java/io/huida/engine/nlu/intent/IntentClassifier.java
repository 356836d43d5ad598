package io.huida.engine.nlu.intent;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A trained intent model: recognises which of its intents a message expresses, with a calibrated
 * confidence that the top intent is right (from its softmax probability and how close the message comes
 * to that intent's nearest training example), or judges it out of scope when the confidence is under the
 * threshold chosen at training time on a held-out fold. Built by {@link IntentTrainer}; saved and loaded with identical predictions.
 * Immutable and thread-safe.
 */
public final class IntentClassifier {

    /** The internal class of real out-of-scope training messages; never reported as an intent. */
    public static final String OUT_OF_SCOPE = "__out_of_scope__";

    private static final int MAGIC = 0x48554933; // "HUI3"

    private final String embedderName;
    private final List<String> labels;
    private final NgramVocabulary vocabulary;
    private final SoftmaxModel model;
    private final Prototypes prototypes;
    private final Calibration calibration;
    private final int outOfScopeClass;

    IntentClassifier(String embedderName, List<String> labels, NgramVocabulary vocabulary, SoftmaxModel model,
                     Prototypes prototypes, Calibration calibration) {
        this.embedderName = Objects.requireNonNull(embedderName, "embedderName");
        this.labels = List.copyOf(labels);
        this.vocabulary = vocabulary;
        this.model = model;
        this.prototypes = prototypes;
        this.calibration = calibration;
        this.outOfScopeClass = this.labels.indexOf(OUT_OF_SCOPE);
    }

    /** The intents this model knows, in class order. */
    public List<String> intents() {
        return labels.stream().filter(l -> !OUT_OF_SCOPE.equals(l)).toList();
    }

    /** Confidence under which a message is judged out of scope. */
    public double threshold() {
        return calibration.threshold();
    }

    /** The calibration in words, for reports. */
    public String describeCalibration() {
        double[] w = calibration.weights();
        return String.format(java.util.Locale.ROOT, "temperature %.2f, ranking weights nearest %.2f centroid %.2f, "
                        + "confidence = sigmoid(%.3f*p %+.3f*nearest %+.3f*centroid %+.3f), threshold %.4f",
                calibration.temperature(), calibration.gamma(), calibration.eta(), w[0], w[1], w[2], w[3], calibration.threshold());
    }

    /** The softmax temperature fitted on held-out examples. */
    public double temperature() {
        return calibration.temperature();
    }

    /** Recognises the intent of an encoded message, using the model's own out-of-scope threshold. */
    public IntentPrediction predict(EncodedText text) {
        return predict(text, calibration.threshold());
    }

    /** Recognises the intent of an encoded message with the given out-of-scope threshold. */
    public IntentPrediction predict(EncodedText text, double oosThreshold) {
        float[] p = probabilities(text);
        int[] top = Calibration.top(p, outOfScopeClass);
        float[] nearest = nearest(text, top);
        float[] centroid = centroids(text, top);
        Integer[] order = new Integer[top.length];
        float[] score = new float[top.length];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
            score[k] = calibration.rankScore(p[top[k]], nearest[k], centroid[k]);
        }
        java.util.Arrays.sort(order, (x, y) -> Float.compare(score[y], score[x]));
        List<IntentScore> ranking = new ArrayList<>(top.length);
        for (int k : order) {
            ranking.add(new IntentScore(labels.get(top[k]), p[top[k]]));
        }
        double confidence = ranking.isEmpty() ? 0
                : calibration.confidence(p[top[order[0]]], nearest[order[0]], centroid[order[0]]);
        String intent = confidence >= oosThreshold && !ranking.isEmpty() ? ranking.get(0).intent() : null;
        return new IntentPrediction(intent, confidence, ranking);
    }

    /** Calibrated probability of every intent, in {@link #intents()} order. */
    float[] probabilities(EncodedText text) {
        return SoftmaxModel.softmax(model.logits(features(text)), calibration.temperature());
    }

    /** The raw evidence for calibrating: logits and the nearest-example and centroid cosines of the top intents. */
    Calibration.Observation observe(EncodedText text, int gold) {
        float[] logits = model.logits(features(text));
        int[] top = Calibration.top(logits, outOfScopeClass);
        return new Calibration.Observation(logits, top, nearest(text, top), centroids(text, top), gold);
    }

    private float[] centroids(EncodedText text, int[] classes) {
        float[] out = new float[classes.length];
        for (int k = 0; k < classes.length; k++) {
            out[k] = centroid(text, classes[k]);
        }
        return out;
    }

    private float centroid(EncodedText text, int c) {
        return prototypes.centroid(text.vector(), text.language(), c);
    }

    private float[] nearest(EncodedText text, int[] classes) {
        float[] out = new float[classes.length];
        for (int k = 0; k < classes.length; k++) {
            out[k] = nearest(text, classes[k]);
        }
        return out;
    }

    /** For analysis: the five best intents as {name, probability, nearest-example cosine, centroid cosine}. */
    public List<String[]> evidence(EncodedText text) {
        List<String[]> out = new ArrayList<>();
        for (IntentScore s : predict(text, 0).ranking()) {
            out.add(new String[] {s.intent(), String.valueOf(s.probability()),
                    String.valueOf(nearest(text, labels.indexOf(s.intent()))),
                    String.valueOf(centroid(text, labels.indexOf(s.intent())))});
        }
        return out;
    }

    private float nearest(EncodedText text, int c) {
        return prototypes.nearest(text.vector(), text.language(), c);
    }

    IntentFeatures features(EncodedText text) {
        return vocabulary.features(text.normalized(), text.language(), text.vector());
    }

    /** Writes the model atomically to {@code file}. */
    public void save(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
                out.writeInt(MAGIC);
                out.writeUTF(embedderName);
                out.writeInt(labels.size());
                for (String label : labels) {
                    out.writeUTF(label);
                }
                out.writeFloat(calibration.temperature());
                out.writeFloat(calibration.gamma());
                out.writeFloat(calibration.eta());
                for (double w : calibration.weights()) {
                    out.writeDouble(w);
                }
                out.writeDouble(calibration.threshold());
                vocabulary.write(out);
                model.write(out);
                prototypes.write(out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save intent model to " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads a model saved by {@link #save}.
     *
     * @param embedderName the name of the embedder that will encode messages; must be the one the model was trained with
     */
    public static IntentClassifier load(Path file, String embedderName) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("'" + file + "' is not a Huida intent model");
            }
            String trainedWith = in.readUTF();
            if (!trainedWith.equals(embedderName)) {
                throw new IllegalArgumentException("intent model '" + file + "' was trained with embedder '" + trainedWith
                        + "', not '" + embedderName + "'");
            }
            int n = in.readInt();
            List<String> labels = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                labels.add(in.readUTF());
            }
            float temperature = in.readFloat();
            float gamma = in.readFloat();
            float eta = in.readFloat();
            double[] weights = new double[Calibration.WEIGHTS];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = in.readDouble();
            }
            Calibration calibration = new Calibration(temperature, gamma, eta, weights, in.readDouble());
            NgramVocabulary vocabulary = NgramVocabulary.read(in);
            SoftmaxModel model = SoftmaxModel.read(in);
            return new IntentClassifier(trainedWith, labels, vocabulary, model, Prototypes.read(in), calibration);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load intent model from " + file + ": " + e.getMessage(), e);
        }
    }
}
