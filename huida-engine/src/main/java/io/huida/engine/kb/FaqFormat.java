package io.huida.engine.kb;

import java.util.Locale;

/** The file formats FAQs are imported from and exported to. */
public enum FaqFormat {
    CSV("text/csv", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    JSONL("application/x-ndjson", "jsonl");

    private final String mediaType;
    private final String extension;

    FaqFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** Parses a format name ({@code csv}, {@code xlsx}, {@code jsonl}), case-insensitively. */
    public static FaqFormat named(String name) {
        if (name != null) {
            for (FaqFormat f : values()) {
                if (f.extension.equalsIgnoreCase(name.strip())) {
                    return f;
                }
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "': expected csv, xlsx or jsonl");
    }

    /**
     * Detects the format from a file name's extension, else from the content: a ZIP header is XLSX, a leading
     * {@code {} is JSON Lines, anything else CSV.
     */
    public static FaqFormat detect(String fileName, byte[] head) {
        if (fileName != null) {
            String lower = fileName.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".xlsx")) {
                return XLSX;
            }
            if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".json")) {
                return JSONL;
            }
            if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
                return CSV;
            }
        }
        if (head != null && head.length >= 2 && head[0] == 'P' && head[1] == 'K') {
            return XLSX;
        }
        if (head != null) {
            for (byte b : head) {
                if (b == '{') {
                    return JSONL;
                }
                if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                    break;
                }
            }
        }
        return CSV;
    }
}
