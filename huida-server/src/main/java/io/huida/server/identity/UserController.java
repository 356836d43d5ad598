package io.huida.server.identity;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.List;

/** Users (ADMIN), and {@code PUT /api/v1/users/me/password} for every signed-in user. */
@RestController
@RequestMapping("/api/v1/users")
class UserController {

    private final Users users;

    UserController(Users users) {
        this.users = users;
    }

    /** A password change: the current password and the new one. */
    record PasswordChange(String current, @JsonProperty("new") String replacement) {
    }

    @GetMapping
    List<UserView> list() {
        return users.list();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    UserView create(@RequestBody Users.NewUser request, Principal principal) {
        return users.create(principal.getName(), request);
    }

    @PutMapping("/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changeOwnPassword(@RequestBody PasswordChange request, Principal principal) {
        if (request == null) {
            throw new IllegalArgumentException("request body is required: {\"current\", \"new\"}");
        }
        users.changeOwnPassword(principal.getName(), request.current(), request.replacement());
    }

    @PutMapping("/{username}")
    UserView update(@PathVariable String username, @RequestBody Users.Changes changes, Principal principal) {
        return users.update(principal.getName(), username, changes);
    }

    @DeleteMapping("/{username}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String username, Principal principal) {
        users.delete(principal.getName(), username);
    }
}
