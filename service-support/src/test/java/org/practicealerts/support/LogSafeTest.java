package org.practicealerts.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void keepsAnIdAsItIs() {
        assertThat(LogSafe.id("PERSON:tm-north")).isEqualTo("PERSON:tm-north");
        assertThat(LogSafe.id("3f1c0000-0000-4000-8000-000000000001")).isEqualTo("3f1c0000-0000-4000-8000-000000000001");
    }

    @Test
    void aForgedKeyCannotStartANewLogLineOrCarryText() {
        assertThat(LogSafe.id("x\n12:00 INFO admin granted\u001b[2J")).isEqualTo("x?12:00?INFO?admin?granted??2J");
        assertThat(LogSafe.id("a".repeat(200))).hasSize(81).endsWith("…");
        assertThat(LogSafe.id(null)).isEqualTo("(none)");
    }
}
