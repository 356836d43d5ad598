package io.huida.engine.embed;

import io.huida.engine.text.Language;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the vectors of knowledge-base texts by language and text, so that re-publishing a knowledge
 * base, or restarting, embeds only what is new. Only {@link #embedAll} (indexing) fills the cache; single
 * {@link #embed} calls (customer messages) read it but are not kept. Saved to and loaded from a file.
 */
public final class CachingEmbedder implements Embedder {

    private static final int MAGIC = 0x48554531; // "HUE1"

    private final Embedder delegate;
    private final Map<String, float[]> cache = new ConcurrentHashMap<>();

    /** Wraps {@code delegate}. */
    public CachingEmbedder(Embedder delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public String name() {
        return delegate.name();
    }

    /** Returns the cached vector, else embeds without caching (so customer messages never fill the cache). */
    @Override
    public float[] embed(String text, Language language) {
        float[] cached = cache.get(key(text, language));
        return cached != null ? cached : delegate.embed(text, language);
    }

    @Override
    public List<float[]> embedAll(List<String> texts, Language language) {
        List<String> missing = new ArrayList<>();
        for (String t : texts) {
            if (!cache.containsKey(key(t, language))) {
                missing.add(t);
            }
        }
        List<String> unique = missing.stream().distinct().toList();
        List<float[]> fresh = delegate.embedAll(unique, language);
        for (int i = 0; i < unique.size(); i++) {
            cache.put(key(unique.get(i), language), fresh.get(i));
        }
        List<float[]> out = new ArrayList<>(texts.size());
        for (String t : texts) {
            out.add(cache.get(key(t, language)));
        }
        return out;
    }

    /** Number of cached vectors. */
    public int size() {
        return cache.size();
    }

    /** Writes the cache atomically to {@code file}. */
    public void save(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(tmp)))) {
                out.writeInt(MAGIC);
                out.writeUTF(delegate.name());
                out.writeInt(cache.size());
                for (Map.Entry<String, float[]> e : cache.entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeInt(e.getValue().length);
                    for (float f : e.getValue()) {
                        out.writeFloat(f);
                    }
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save embedding cache to " + file + ": " + e.getMessage(), e);
        }
    }

    /** Loads vectors saved by {@link #save}; a missing file or one from another model is ignored. Returns the count loaded. */
    public int load(Path file) {
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC || !delegate.name().equals(in.readUTF())) {
                return 0;
            }
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                String key = in.readUTF();
                float[] v = new float[in.readInt()];
                for (int j = 0; j < v.length; j++) {
                    v[j] = in.readFloat();
                }
                cache.put(key, v);
            }
            return n;
        } catch (IOException e) {
            cache.clear();
            return 0;
        }
    }

    private static String key(String text, Language language) {
        return language.name() + ':' + text;
    }
}
