package io.huida.server.system;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.huida.engine.safety.PiiMasker;

/**
 * Logback {@code %m}/{@code %msg}/{@code %message}: the formatted message with phone, ID card, bank card numbers and
 * e-mail addresses masked by {@link PiiMasker}. Registered for those words in {@code logback-spring.xml}, so Spring
 * Boot's own console and file patterns mask every log line. Logback creates converters reflectively, hence the
 * shared static masker instead of an injected one.
 */
public class PiiMaskingConverter extends MessageConverter {

    static final PiiMasker MASKER = new PiiMasker();

    @Override
    public String convert(ILoggingEvent event) {
        return MASKER.mask(super.convert(event));
    }
}
