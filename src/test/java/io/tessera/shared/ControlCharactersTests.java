package io.tessera.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ControlCharactersTests {

    @Test
    void linesRefuseControlCharactersAndLineBreaksButKeepTabs() {
        assertThat(ControlCharacters.inLine("subject", "Refund\tfor order 1042 – ünïcödé 😀")).isNull();
        assertThat(ControlCharacters.inLine("subject", "Broken \u0000")).contains("subject", "U+0000");
        assertThat(ControlCharacters.inLine("subject", "Two\nlines")).contains("U+000A");
        assertThat(ControlCharacters.inLine("subject", "Bell \u0007")).contains("U+0007");
    }

    @Test
    void textsKeepTabsAndLineBreaks() {
        assertThat(ControlCharacters.inText("body", "One\r\n\tTwo\n")).isNull();
        assertThat(ControlCharacters.inText("body", "Escape \u001b[31m")).contains("body", "U+001B");
        assertThat(ControlCharacters.inText("body", "Nul \u0000")).contains("U+0000");
    }

    @Test
    void loneSurrogatesAreRefusedPairsAreNot() {
        assertThat(ControlCharacters.inText("body", "\ud83d\ude00")).isNull();
        assertThat(ControlCharacters.inText("body", "half \ud800 pair")).contains("surrogate");
        assertThat(ControlCharacters.inText("body", "end \ude00")).contains("surrogate");
        assertThat(ControlCharacters.inLine("name", "ends high \ud83d")).contains("surrogate");
    }
}
