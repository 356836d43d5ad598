package io.huida.server.identity;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.List;

/** API keys (ADMIN): {@code POST /api/v1/api-keys} returns the key once; list; revoke. */
@RestController
@RequestMapping("/api/v1/api-keys")
class ApiKeyController {

    private final ApiKeys keys;

    ApiKeyController(ApiKeys keys) {
        this.keys = keys;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ApiKeys.Created create(@RequestBody ApiKeys.NewKey request, Principal principal) {
        return keys.create(principal.getName(), request);
    }

    @GetMapping
    List<ApiKeyView> list() {
        return keys.list();
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable long id, Principal principal) {
        keys.revoke(principal.getName(), id);
    }
}
