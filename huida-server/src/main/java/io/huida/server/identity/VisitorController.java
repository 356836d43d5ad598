package io.huida.server.identity;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Anonymous chat visitors get a session and a signed token for it. */
@RestController
class VisitorController {

    private final VisitorTokens tokens;

    VisitorController(VisitorTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping("/api/v1/visitor/sessions")
    VisitorTokens.Issued newSession() {
        return tokens.issue();
    }
}
