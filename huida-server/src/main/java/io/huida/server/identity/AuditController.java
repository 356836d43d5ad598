package io.huida.server.identity;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/** {@code GET /api/v1/audit?actor=&action=&from=&to=&page=&size=} (ADMIN): the audit log, newest first. */
@RestController
class AuditController {

    private final AuditLog log;

    AuditController(AuditLog log) {
        this.log = log;
    }

    @GetMapping("/api/v1/audit")
    AuditLog.Page search(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                         @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return log.search(actor, action, from, to, page, size);
    }
}
