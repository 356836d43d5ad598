package io.huida.server.system;

import ch.qos.logback.classic.spi.IThrowableProxy;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/**
 * Logback {@code %wEx}: Spring Boot's stack trace rendering (blank line before, packaging data) with personal data
 * in exception messages masked, as {@link PiiMaskingConverter} does for the message.
 */
public class PiiMaskingThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy tp) {
        return PiiMaskingConverter.MASKER.mask(super.throwableProxyToString(tp));
    }
}
