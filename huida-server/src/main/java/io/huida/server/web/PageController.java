package io.huida.server.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Serves the three server-rendered pages. The pages themselves are static Thymeleaf templates that only
 * need messages and the CSRF token; everything else is loaded by the page scripts from the REST API.
 */
@Controller
class PageController {

    /** The public chat page for anonymous visitors. */
    @GetMapping("/")
    String chat() {
        return "chat";
    }

    /** The knowledge-base console (protected by form login). */
    @GetMapping("/admin")
    String admin() {
        return "admin";
    }

    /** The form-login page. */
    @GetMapping("/agent")
    String agent() {
        return "agent";
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
