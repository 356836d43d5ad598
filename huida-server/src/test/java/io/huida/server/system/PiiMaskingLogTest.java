package io.huida.server.system;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LogFile;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class PiiMaskingLogTest {

    private static final String RAW = "customer 13812345678 id 11010519491231002X cards 6222021234567890123 and "
            + "6222 0212 3456 7890 mail zhang.san@example.com";
    private static final String[] CLEAR = {"13812345678", "11010519491231002X", "6222021234567890123",
            "6222 0212 3456 7890", "zhang.san@example.com"};
    private static final String[] MASKED = {"138****5678", "1101************2X", "***************0123",
            "**** **** **** 7890", "z***@example.com"};

    private final Logger log = LoggerFactory.getLogger(PiiMaskingLogTest.class);
    private LoggingSystem system;

    private void initialize(MockEnvironment env) {
        system = LoggingSystem.get(getClass().getClassLoader());
        system.beforeInitialize();
        system.initialize(new LoggingInitializationContext(env), "classpath:logback-spring.xml", LogFile.get(env));
    }

    @AfterEach
    void resetLogging() {
        System.clearProperty("LOG_FILE");
        initialize(new MockEnvironment());
    }

    @Test
    void consoleLinesKeepBootsFormatButNotThePersonalData(CapturedOutput output) {
        initialize(new MockEnvironment());
        log.info("lookup for {}", RAW);
        log.warn("lookup failed", new IllegalStateException("no account for 13812345678"));
        String out = output.getAll();
        assertThat(out).contains(" INFO ", "--- [", "PiiMaskingLogTest", " : lookup for customer ");
        assertThat(out).doesNotContain(CLEAR).contains(MASKED);
        assertThat(out).contains("java.lang.IllegalStateException: no account for 138****5678");
    }

    @Test
    void fileLinesAreMaskedToo(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("huida.log");
        initialize(new MockEnvironment().withProperty("logging.file.name", file.toString()));
        log.info("lookup for {}", RAW);
        String written = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(written).contains("lookup for customer").doesNotContain(CLEAR).contains(MASKED);
    }
}
