package io.huida.engine.kb;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaqTest {

    @Test
    void picksTheMostSpecificAnswerVariant() {
        Faq faq = new Faq("F1", "c", "q", List.of(), "default", List.of(
                new AnswerVariant("sms", null, "short"),
                new AnswerVariant(null, "vip", "vip"),
                new AnswerVariant("sms", "vip", "vip sms")), null, null, true);
        assertThat(faq.answerFor("web", null)).isEqualTo("default");
        assertThat(faq.answerFor("sms", null)).isEqualTo("short");
        assertThat(faq.answerFor("web", "vip")).isEqualTo("vip");
        assertThat(faq.answerFor("sms", "vip")).isEqualTo("vip sms");
    }

    @Test
    void activeOnlyInsideItsValidityWindowAndWhenEnabled() {
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        Instant until = Instant.parse("2026-02-01T00:00:00Z");
        Faq faq = new Faq("F1", "c", "q", List.of(), "a", List.of(), from, until, true);
        assertThat(faq.isActive(from.minusSeconds(1))).isFalse();
        assertThat(faq.isActive(from)).isTrue();
        assertThat(faq.isActive(until)).isFalse();
        assertThat(new Faq("F1", "c", "q", List.of(), "a", List.of(), null, null, false).isActive(from)).isFalse();
    }

    @Test
    void validatesEagerlyNamingTheBadValue() {
        assertThatThrownBy(() -> Faq.of("F1", "c", " ", List.of(), "a")).hasMessage("FAQ F1: question is empty");
        assertThatThrownBy(() -> Faq.of("F1", "c", "q".repeat(501), List.of(), "a"))
                .hasMessage("FAQ F1: question has 501 characters, more than 500");
        assertThatThrownBy(() -> new Faq("F1", "c", "q", List.of(), "a", List.of(),
                Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"), true))
                .hasMessage("FAQ F1: valid_until 2026-01-01T00:00:00Z is not after valid_from 2026-02-01T00:00:00Z");
        assertThatThrownBy(() -> new AnswerVariant(null, null, "x"))
                .hasMessage("answer variant needs a channel or a segment: x");
    }
}
