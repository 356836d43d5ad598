package io.huida.server.chat;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class KnownCustomersTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private final KnownCustomers known = new KnownCustomers(new WidgetProperties("site-secret"), Clock.fixed(NOW, ZoneOffset.UTC));

    private String sig(String payload) {
        return known.sign(payload);
    }

    @Test
    void aValidSignatureMakesAKnownCustomerWithSegment() {
        long exp = NOW.getEpochSecond() + 600;
        var c = known.verify("C1001", "王先生", "vip", exp, sig("C1001|王先生|vip|" + exp));
        assertThat(c).isPresent();
        assertThat(c.get().id()).isEqualTo("C1001");
        assertThat(c.get().vip()).isTrue();
        assertThat(known.verify("C1001", "王先生", "vip", exp, sig("C1001|王先生|vip|" + exp).toUpperCase())).isPresent();
    }

    @Test
    void tamperedExpiredFarFutureOrUnsignedAreAnonymous() {
        long exp = NOW.getEpochSecond() + 600;
        String good = sig("C1001||vip|" + exp);
        assertThat(known.verify("C1002", "", "vip", exp, good)).isEmpty();          // another id
        assertThat(known.verify("C1001", "", "gold", exp, good)).isEmpty();         // another segment
        long past = NOW.getEpochSecond() - 1;
        assertThat(known.verify("C1001", "", "vip", past, sig("C1001||vip|" + past))).isEmpty();
        long far = NOW.getEpochSecond() + KnownCustomers.MAX_AHEAD_SECONDS + 10;
        assertThat(known.verify("C1001", "", "vip", far, sig("C1001||vip|" + far))).isEmpty();
        assertThat(known.verify("C1001", "", "vip", exp, null)).isEmpty();
        assertThat(new KnownCustomers(new WidgetProperties(" ")).verify("C1001", "", "vip", exp, good)).isEmpty();
    }

    @Test
    void theSecretNeverShowsInTheSettingsText() {
        assertThat(new WidgetProperties("site-secret").toString()).doesNotContain("site-secret");
    }
}
