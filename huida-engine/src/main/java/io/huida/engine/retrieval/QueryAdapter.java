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

    /**
     * {@code W} column by column, or null for the identity: applying the map is then {@link Vectors#addColumns}, runs
     * over contiguous arrays that the JIT turns into SIMD instructions (as in {@link TextVectors}); about 20 µs
     * instead of 110 µs for a row-by-row dot product, a floating-point reduction it must keep in order.
     */
    private final float[][] columns;
    private final int dim;

    /** From row-major {@code matrix} ({@code dim × dim}), or the identity when null. */
    private QueryAdapter(float[] matrix, int dim) {
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
        return new QueryAdapter(matrix, dim); // copied into columns
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
        if (columns == null) {
            throw new IllegalStateException("the identity adapter has no matrix to write");
        }
        java.io.DataOutputStream data = new java.io.DataOutputStream(new java.io.BufferedOutputStream(out));
        data.writeInt(MAGIC);
        data.writeInt(dim);
        for (int r = 0; r < dim; r++) {
            for (int c = 0; c < dim; c++) {
                data.writeFloat(columns[c][r]);
            }
        }
        data.flush();
    }

    /** True for the map that changes nothing. */
    public boolean isIdentity() {
        return columns == null;
    }

    /** {@code vector} mapped and scaled to unit length; unchanged for the identity, other languages or an empty vector. */
    public float[] apply(float[] vector, Language language) {
        if (columns == null || language != Language.ZH || vector.length == 0) {
            return vector;
        }
        if (vector.length != dim) {
            throw new IllegalArgumentException("query vector has " + vector.length + " dimensions, the adapter " + dim);
        }
        float[] out = new float[dim];
        Vectors.addColumns(columns, vector, out);
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
        return columns == null ? "identity" : "QueryAdapter[" + dim + "x" + dim + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QueryAdapter q && q.dim == dim && Arrays.deepEquals(q.columns, columns);
    }

    @Override
    public int hashCode() {
        return 31 * dim + Arrays.deepHashCode(columns);
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
