package io.huida.server.chat;

import io.huida.engine.dialog.Customer;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Customers the host site vouches for. The host's server signs who the visitor is with the site secret
 * ({@code huida.widget.site-secret}, {@code HUIDA_WIDGET_SITE_SECRET}):
 * {@code sig = hex(HMAC-SHA256(secret, id + "|" + name + "|" + segment + "|" + expires))}, {@code expires} in epoch
 * seconds, empty strings for no name or segment; the widget passes {@code data-user-id}, {@code data-user-name},
 * {@code data-user-segment}, {@code data-user-expires}, {@code data-user-sig}. A valid signature marks the visitor
 * as that customer with that segment (e.g. {@code vip}); anything else leaves the visitor anonymous.
 */
@Component
class KnownCustomers {

    /** Longest a signature may be valid ahead (a day). */
    static final long MAX_AHEAD_SECONDS = 86_400;

    private final byte[] secret;
    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    KnownCustomers(WidgetProperties properties) {
        this(properties, Clock.systemUTC());
    }

    KnownCustomers(WidgetProperties properties, Clock clock) {
        String s = properties.siteSecret();
        this.secret = s == null || s.isBlank() ? null : s.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** The customer the signature vouches for, or empty (no secret configured, bad or expired signature). */
    Optional<Customer> verify(String id, String name, String segment, long expires, String sig) {
        if (secret == null || id == null || id.isBlank() || id.length() > 100 || sig == null) {
            return Optional.empty();
        }
        long now = clock.instant().getEpochSecond();
        if (expires < now || expires > now + MAX_AHEAD_SECONDS) {
            return Optional.empty();
        }
        String n = name == null ? "" : name;
        String seg = segment == null ? "" : segment;
        if (n.length() > 100 || seg.length() > 50) {
            return Optional.empty();
        }
        byte[] expected = sign(id + "|" + n + "|" + seg + "|" + expires).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, sig.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        return Optional.of(new Customer(id, n.isEmpty() ? null : n, seg.isEmpty() ? null : seg, false));
    }

    String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
