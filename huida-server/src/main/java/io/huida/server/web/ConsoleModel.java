package io.huida.server.web;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells the pages' top bar which console areas the signed-in user may open (admins: all; agents: the workspace). */
@ControllerAdvice(assignableTypes = PageController.class)
class ConsoleModel {

    @ModelAttribute("canAdmin")
    boolean canAdmin(Authentication who) {
        return who != null && who.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
    }
}
