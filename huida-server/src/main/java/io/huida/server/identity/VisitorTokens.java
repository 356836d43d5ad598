package io.huida.server.identity;

import io.huida.server.system.HuidaProperties;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues and checks the signed tokens that let an anonymous chat visitor use one bot session:
 * {@code sessionId.HMAC-SHA256(sessionId)}, keyed by a secret kept in the data directory.
 */
@Component
public class VisitorTokens {

    private final byte[] secret;

    VisitorTokens(HuidaProperties properties) {
        this.secret = loadOrCreateSecret(properties.dataDir().resolve("secret.key"));
    }

    /** A new session and its token. */
    public record Issued(String sessionId, String token) {
    }

    public Issued issue() {
        String sessionId = "v-" + UUID.randomUUID();
        return new Issued(sessionId, sessionId + "." + sign(sessionId));
    }

    /** The session id a token was issued for, or empty when the token is malformed or forged. */
    public Optional<String> verify(String token) {
        if (token == null || token.length() > 200) {
            return Optional.empty();
        }
        int dot = token.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String sessionId = token.substring(0, dot);
        byte[] expected = sign(sessionId).getBytes(StandardCharsets.US_ASCII);
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? Optional.of(sessionId) : Optional.empty();
    }

    private String sign(String sessionId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(sessionId.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static byte[] loadOrCreateSecret(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secret key " + file + ": " + e.getMessage(), e);
        }
    }
}
