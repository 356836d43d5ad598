package io.huida.server.identity;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The people who sign in to Huida. Other features read users here ({@link #find}, {@link #byRole},
 * {@link #byTeam}); the users API changes them. Every change publishes {@link UserAccountChanged}. The last enabled
 * ADMIN can be neither deleted, demoted nor disabled.
 */
@Service
public class Users {

    private final UserRepository repository;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;

    Users(UserRepository repository, PasswordEncoder encoder, ApplicationEventPublisher events) {
        this.repository = repository;
        this.encoder = encoder;
        this.events = events;
    }

    /** The user called {@code username}, if any. */
    public Optional<UserView> find(String username) {
        return username == null ? Optional.empty() : repository.find(username);
    }

    /** All users, by username. */
    public List<UserView> list() {
        return repository.list(null, null);
    }

    /** The users with {@code role}, by username. */
    public List<UserView> byRole(Role role) {
        return repository.list(Objects.requireNonNull(role, "role"), null);
    }

    /** The users of {@code team}, by username. */
    public List<UserView> byTeam(String team) {
        return repository.list(null, Objects.requireNonNull(team, "team"));
    }

    /** A new request to create a user; {@code team} may be null. */
    record NewUser(String username, String displayName, String role, String password, String team) {
    }

    /** Changes to a user: null fields stay as they are; a blank team removes the team. */
    record Changes(String displayName, String role, Boolean enabled, String team, String password) {
    }

    @Transactional
    UserView create(String actor, NewUser request) {
        if (request == null) {
            throw new IllegalArgumentException("request body is required: {\"username\", \"displayName\", \"role\", \"password\"}");
        }
        String username = UserRules.username(request.username());
        Role role = Role.parse(request.role());
        String password = UserRules.password(username, request.password());
        String displayName = UserRules.displayName(request.displayName(), username);
        String team = UserRules.team(request.team());
        ResponseStatusException taken = new ResponseStatusException(HttpStatus.CONFLICT, "user '" + username + "' already exists");
        if (repository.exists(username)) {
            throw taken;
        }
        try {
            repository.insert(username, displayName, role, team, encoder.encode(password));
        } catch (DuplicateKeyException e) { // created at the same moment by another request
            throw taken;
        }
        events.publishEvent(new UserAccountChanged(actor, username, UserAccountChanged.Kind.CREATED,
                "role " + role + (team == null ? "" : ", team " + team), false));
        return repository.find(username).orElseThrow();
    }

    @Transactional
    UserView update(String actor, String username, Changes changes) {
        if (changes == null) {
            throw new IllegalArgumentException("request body is required: {\"displayName\", \"role\", \"enabled\", \"team\", \"password\"}");
        }
        UserView old = existing(username);
        Role role = changes.role() == null ? old.role() : Role.parse(changes.role());
        boolean enabled = changes.enabled() == null ? old.enabled() : changes.enabled();
        String displayName = changes.displayName() == null ? old.displayName() : UserRules.displayName(changes.displayName(), username);
        String team = changes.team() == null ? old.team() : UserRules.team(changes.team());
        String hash = changes.password() == null ? null : encoder.encode(UserRules.password(username, changes.password()));
        if (old.role() == Role.ADMIN && old.enabled() && (role != Role.ADMIN || !enabled)) {
            requireAnotherAdmin(username, role != Role.ADMIN ? "demoted to " + role : "disabled");
        }
        List<String> changed = new ArrayList<>();
        if (!displayName.equals(old.displayName())) {
            changed.add("display name");
        }
        if (role != old.role()) {
            changed.add("role " + old.role() + " -> " + role);
        }
        if (enabled != old.enabled()) {
            changed.add(enabled ? "enabled" : "disabled");
        }
        if (!Objects.equals(team, old.team())) {
            changed.add("team " + (old.team() == null ? "-" : old.team()) + " -> " + (team == null ? "-" : team));
        }
        if (hash != null) {
            changed.add("password");
        }
        repository.update(new UserView(username, displayName, role, enabled, team, old.createdAt(), old.updatedAt()), hash);
        events.publishEvent(new UserAccountChanged(actor, username, UserAccountChanged.Kind.CHANGED,
                changed.isEmpty() ? "nothing" : String.join(", ", changed),
                role != old.role() || enabled != old.enabled() || hash != null));
        return repository.find(username).orElseThrow();
    }

    @Transactional
    void delete(String actor, String username) {
        UserView old = existing(username);
        if (old.role() == Role.ADMIN && old.enabled()) {
            requireAnotherAdmin(username, "deleted");
        }
        repository.delete(username);
        events.publishEvent(new UserAccountChanged(actor, username, UserAccountChanged.Kind.DELETED, "role " + old.role(), true));
    }

    /** A signed-in user changes their own password, proving the current one. */
    @Transactional
    void changeOwnPassword(String username, String current, String replacement) {
        String hash = repository.passwordHash(username).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.FORBIDDEN, "only users can change their password; '" + username + "' is not a user"));
        if (current == null || !encoder.matches(current, hash)) {
            throw new IllegalArgumentException("the current password is wrong");
        }
        String password = UserRules.password(username, replacement);
        if (password.equals(current)) {
            throw new IllegalArgumentException("the new password must differ from the current one");
        }
        UserView user = existing(username);
        repository.update(user, encoder.encode(password));
        events.publishEvent(new UserAccountChanged(username, username, UserAccountChanged.Kind.CHANGED, "own password", true));
    }

    private UserView existing(String username) {
        return find(username).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no user '" + username + "'"));
    }

    private void requireAnotherAdmin(String username, String what) {
        List<String> admins = repository.lockEnabledAdmins();
        if (admins.stream().noneMatch(a -> !a.equals(username))) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "'" + username + "' is the last enabled ADMIN and cannot be "
                    + what + "; make another user an enabled ADMIN first");
        }
    }
}
