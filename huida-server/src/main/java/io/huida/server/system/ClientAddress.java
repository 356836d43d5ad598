package io.huida.server.system;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * The caller's IP address: the connection's remote address, or — only when
 * {@code huida.rate-limit.trust-forwarded=true}, i.e. behind a proxy you run — the last address in
 * {@code X-Forwarded-For}, the one that proxy added (earlier entries are whatever the client sent).
 */
@Component
public class ClientAddress {

    private final boolean trustForwarded;

    ClientAddress(RateLimitProperties properties) {
        this.trustForwarded = properties.trustForwarded();
    }

    /** The IP address the request came from, at most 64 characters. */
    public String of(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        if (trustForwarded) {
            String forwarded = request.getHeader("X-Forwarded-For");
            if (forwarded != null) {
                String[] hops = forwarded.split(",");
                for (int i = hops.length - 1; i >= 0; i--) {
                    String hop = hops[i].strip();
                    if (!hop.isEmpty()) {
                        address = hop;
                        break;
                    }
                }
            }
        }
        return address == null ? "" : address.length() > 64 ? address.substring(0, 64) : address;
    }
}
