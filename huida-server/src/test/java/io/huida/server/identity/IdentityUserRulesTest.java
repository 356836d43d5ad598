package io.huida.server.identity;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentityUserRulesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "li.na         | li.na-secret-1 | ",
            "abc           | 0123456789     | ",
            "li.na         | short          | password must have at least 10 characters",
            "li.na-2026    | LI.NA-2026     | password must not be the username",
            "li.na         | 密码密码密码密码密码密码密码密码密码密码密码密码密码密码 | password must have at most 72 bytes",
            "ab            | 0123456789     | username must be 3 to 64 characters: letters, digits, '.', '_' or '-'",
            "li na         | 0123456789     | username must be 3 to 64 characters: letters, digits, '.', '_' or '-'",
            "李娜李娜      | 0123456789     | username must be 3 to 64 characters: letters, digits, '.', '_' or '-'",
    })
    void usernamesAndPasswords(String username, String password, String problem) {
        if (problem == null) {
            assertThat(UserRules.password(UserRules.username(username), password)).isEqualTo(password);
        } else {
            assertThatThrownBy(() -> UserRules.password(UserRules.username(username), password)).hasMessage(problem);
        }
    }

    @Test
    void displayNamesTeamsAndRoles() {
        assertThat(UserRules.displayName("  ", "li.na")).isEqualTo("li.na");
        assertThat(UserRules.displayName(" <b>李娜</b> ", "li.na")).isEqualTo("<b>李娜</b>");
        assertThatThrownBy(() -> UserRules.displayName("a\u0000b", "x")).hasMessage("displayName must not contain control characters");
        assertThat(UserRules.team(" ")).isNull();
        assertThatThrownBy(() -> UserRules.team("t".repeat(65))).hasMessage("team has 65 characters, more than 64");
        assertThat(Role.parse(" supervisor ")).isEqualTo(Role.SUPERVISOR);
        assertThatThrownBy(() -> Role.parse(null)).hasMessage("role must be one of ADMIN, SUPERVISOR, AGENT, was 'null'");
    }
}
