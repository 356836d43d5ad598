package io.huida.server.chat;

import io.huida.server.system.HuidaProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/**
 * Files and images visitors and agents send: at most {@link #MAX_BYTES}, and only PNG, JPEG, GIF, WebP and PDF — recognised by
 * their first bytes, not by the name or the type the browser claims. Stored under the data directory.
 */
@Service
public class Attachments {

    /** Largest file accepted. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    /** A stored file. */
    public record Attachment(String id, String conversationId, String name, String contentType, long size) {

        public boolean image() {
            return contentType.startsWith("image/");
        }

        /** The text of the chat message that carries it, e.g. "[图片] receipt.png" (the widget and console show it so). */
        public String label() {
            return (image() ? "[图片] " : "[文件] ") + name;
        }
    }

    private final JdbcClient jdbc;
    private final Path dir;

    Attachments(JdbcClient jdbc, HuidaProperties properties) {
        this.jdbc = jdbc;
        this.dir = properties.dataDir().resolve("attachments");
    }

    /** Checks and stores a file; errors name what is wrong (empty, too large, a type that is not allowed). */
    public Attachment store(String conversationId, String uploadedBy, String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            throw new IllegalArgumentException("the file is empty");
        }
        if (content.length > MAX_BYTES) {
            throw new IllegalArgumentException("the file has " + content.length + " bytes, more than " + MAX_BYTES);
        }
        String type = sniff(content).orElseThrow(() -> new IllegalArgumentException(
                "only PNG, JPEG, GIF, WebP images and PDF files are accepted; '" + safeName(fileName) + "' is none of them"));
        String id = UUID.randomUUID().toString();
        String name = safeName(fileName);
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(id), content);
        } catch (IOException e) {
            throw new UncheckedIOException("could not store the file", e);
        }
        jdbc.sql("insert into attachment (id, conversation_id, name, content_type, size, uploaded_by, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(id, conversationId, name, type, content.length, uploadedBy, Timestamp.from(Instant.now())).update();
        return new Attachment(id, conversationId, name, type, content.length);
    }

    public Optional<Attachment> find(String id) {
        if (id == null || !id.matches("[0-9a-f-]{36}")) {
            return Optional.empty();
        }
        return jdbc.sql("select * from attachment where id = ?").param(id).query((rs, n) -> new Attachment(rs.getString("id"),
                rs.getString("conversation_id"), rs.getString("name"), rs.getString("content_type"), rs.getLong("size"))).optional();
    }

    public byte[] read(Attachment a) {
        try {
            return Files.readAllBytes(dir.resolve(a.id()));
        } catch (IOException e) {
            throw new UncheckedIOException("attachment " + a.id() + " is missing from the data directory", e);
        }
    }

    /** The type the first bytes say, if it is an allowed one. */
    static Optional<String> sniff(byte[] b) {
        if (starts(b, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (starts(b, 'G', 'I', 'F', '8')) {
            return Optional.of("image/gif");
        }
        if (starts(b, 'R', 'I', 'F', 'F') && b.length >= 12 && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return Optional.of("image/webp");
        }
        if (starts(b, '%', 'P', 'D', 'F', '-')) {
            return Optional.of("application/pdf");
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        return Arrays.equals(Arrays.copyOf(b, prefix.length), toBytes(prefix));
    }

    private static byte[] toBytes(int[] values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    /** The file's own name without any path, control characters or more than 120 characters. */
    static String safeName(String name) {
        String n = name == null ? "file" : name.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>]", "").strip();
        if (n.isEmpty()) {
            n = "file";
        }
        return n.length() > 120 ? n.substring(n.length() - 120) : n;
    }
}
