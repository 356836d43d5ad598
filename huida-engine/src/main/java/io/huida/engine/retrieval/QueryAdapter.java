package io.huida.engine.retrieval;

import io.huida.engine.text.Language;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * A learned linear map applied to a customer's sentence vector before it is compared with the knowledge base's
 * questions: {@code normalise(W q)}. The model embeds a spoken description of a situation (飞机往后推两天再走)
 * far from the standard question that names it (机票改签); {@code W} is trained (bench {@code train-adapter}) on
 * development queries against their knowledge bases' questions, so that it moves how customers write towards how
 * knowledge bases name things, and away from questions no FAQ answers. Knowledge-base vectors stay as embedded;
 * every query, including the knowledge base's own questions when they stand in for queries in calibration, goes
 * through the map. Only Chinese vectors are mapped; other languages pass unchanged.
 */
public final class QueryAdapter {

    private static final String RESOURCE = "query-adapter-zh.bin";
    private static final int MAGIC = 0x48514131; // "HQA1"

    private static final QueryAdapter IDENTITY = new QueryAdapter(null, 0);

    /** Row-major {@code dim × dim}, or null for the identity. */
    private final float[] matrix;
    /**
     * The same values column by column: applying the map is then runs of {@code out += column × q[c]}, four
     * columns per pass over contiguous arrays, which the JIT turns into SIMD instructions (as in {@link TextVectors});
     * about 20 µs instead of 110 µs for a row-by-row dot product, a floating-point reduction it must keep in order.
     */
    private final float[][] columns;
    private final int dim;

    private QueryAdapter(float[] matrix, int dim) {
        this.matrix = matrix;
        this.dim = dim;
        if (matrix == null) {
            this.columns = null;
        } else {
            this.columns = new float[dim][dim];
            for (int r = 0; r < dim; r++) {
                for (int c = 0; c < dim; c++) {
                    columns[c][r] = matrix[r * dim + c];
                }
            }
        }
    }

    /** The map that changes nothing. */
    public static QueryAdapter identity() {
        return IDENTITY;
    }

    /** The map shipped with the engine. */
    public static QueryAdapter builtin() {
        return Builtin.ADAPTER;
    }

    /** A map of {@code dim × dim} row-major values. */
    public static QueryAdapter of(float[] matrix, int dim) {
        Objects.requireNonNull(matrix, "matrix");
        if (dim <= 0 || matrix.length != (long) dim * dim) {
            throw new IllegalArgumentException("an adapter of dimension " + dim + " needs " + ((long) dim * dim)
                    + " values, got " + matrix.length);
        }
        return new QueryAdapter(matrix.clone(), dim);
    }

    /** Reads a map written by {@link #write}. */
    public static QueryAdapter read(InputStream in, String source) throws IOException {
        DataInputStream data = new DataInputStream(in);
        int magic = data.readInt();
        if (magic != MAGIC) {
            throw new IOException(source + " is not a query adapter (header " + Integer.toHexString(magic) + ")");
        }
        int dim = data.readInt();
        if (dim <= 0 || dim > 4096) {
            throw new IOException(source + " declares dimension " + dim + ", expected 1..4096");
        }
        float[] m = new float[dim * dim];
        for (int i = 0; i < m.length; i++) {
            m[i] = data.readFloat();
        }
        return new QueryAdapter(m, dim);
    }

    /** Reads a map from a file written by {@link #write}. */
    public static QueryAdapter read(Path file) throws IOException {
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            return read(in, file.toString());
        }
    }

    /** Writes this map: header, dimension, then the row-major values (big-endian floats). */
    public void write(java.io.OutputStream out) throws IOException {
        if (matrix == null) {
            throw new IllegalStateException("the identity adapter has no matrix to write");
        }
        java.io.DataOutputStream data = new java.io.DataOutputStream(new java.io.BufferedOutputStream(out));
        data.writeInt(MAGIC);
        data.writeInt(dim);
        for (float v : matrix) {
            data.writeFloat(v);
        }
        data.flush();
    }

    /** True for the map that changes nothing. */
    public boolean isIdentity() {
        return matrix == null;
    }

    /** {@code vector} mapped and scaled to unit length; unchanged for the identity, other languages or an empty vector. */
    public float[] apply(float[] vector, Language language) {
        if (matrix == null || language != Language.ZH || vector.length == 0) {
            return vector;
        }
        if (vector.length != dim) {
            throw new IllegalArgumentException("query vector has " + vector.length + " dimensions, the adapter " + dim);
        }
        int n = dim;
        float[] out = new float[n];
        float[][] m = columns;
        int c = 0;
        for (; c + 3 < n; c += 4) {
            float x0 = vector[c], x1 = vector[c + 1], x2 = vector[c + 2], x3 = vector[c + 3];
            float[] c0 = m[c], c1 = m[c + 1], c2 = m[c + 2], c3 = m[c + 3];
            for (int r = 0; r < n; r++) {
                out[r] += x0 * c0[r] + x1 * c1[r] + x2 * c2[r] + x3 * c3[r];
            }
        }
        for (; c < n; c++) {
            float x = vector[c];
            float[] col = m[c];
            for (int r = 0; r < n; r++) {
                out[r] += x * col[r];
            }
        }
        double norm = 0;
        for (float x : out) {
            norm += (double) x * x;
        }
        if (norm == 0) {
            return vector;
        }
        float inv = (float) (1 / Math.sqrt(norm));
        for (int r = 0; r < dim; r++) {
            out[r] *= inv;
        }
        return out;
    }

    @Override
    public String toString() {
        return matrix == null ? "identity" : "QueryAdapter[" + dim + "x" + dim + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QueryAdapter q && q.dim == dim && Arrays.equals(q.matrix, matrix);
    }

    @Override
    public int hashCode() {
        return 31 * dim + Arrays.hashCode(matrix);
    }

    private static final class Builtin {
        static final QueryAdapter ADAPTER = load();

        private static QueryAdapter load() {
            try (InputStream in = QueryAdapter.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + RESOURCE + " is missing from the engine");
                }
                return read(new java.io.BufferedInputStream(in), RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
