package io.tessera.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

    @Test
    void refusesShortAndOverlongPasswordsNamingTheField() {
        assertThatThrownBy(() -> PasswordPolicy.check("password", "short"))
                .isInstanceOfSatisfying(InvalidChange.class, e -> assertThat(e.field()).isEqualTo("password"));
        assertThatThrownBy(() -> PasswordPolicy.check("newPassword", "x".repeat(65)))
                .isInstanceOfSatisfying(InvalidChange.class, e -> assertThat(e.field()).isEqualTo("newPassword"));
        assertThatThrownBy(() -> PasswordPolicy.check("password", " ".repeat(12))).isInstanceOf(InvalidChange.class);
        assertThatCode(() -> PasswordPolicy.check("password", "long-enough-1")).doesNotThrowAnyException();
    }

    @Test
    void generatedPasswordsPassThePolicyAndDiffer() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String password = PasswordPolicy.generate();
            PasswordPolicy.check("password", password);
            assertThat(password).doesNotContain("0", "O", "1", "l", "I");
            seen.add(password);
        }
        assertThat(seen).hasSize(100);
    }
}
