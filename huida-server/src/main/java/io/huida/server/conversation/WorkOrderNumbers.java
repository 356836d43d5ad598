package io.huida.server.conversation;

import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Numbers for the work orders flows file (until the ticket feature owns them): {@code WO} + date + six random
 * digits, e.g. {@code WO20261122483920}.
 */
@Component
class WorkOrderNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    String next() {
        return "WO" + LocalDate.now(ZoneOffset.UTC).format(DAY) + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }
}
