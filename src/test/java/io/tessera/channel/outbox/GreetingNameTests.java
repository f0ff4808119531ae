package io.tessera.channel.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The name automatic mail greets a customer by: real names in any script, nothing a stranger smuggled in. */
class GreetingNameTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Jane Doe              | Jane
            Müller                | Müller
            Łukasz Nowak          | Łukasz
            山田 太郎              | 山田
            Jean-Luc O'Brien      | Jean-Luc
            '"Bob Smith"'         | Bob
            Doe, John             | Doe
            Zoë                   | Zoë
            """)
    void greetsRealNamesInAnyScript(String name, String first) {
        assertThat(GreetingName.first(name)).isEqualTo(first);
    }

    @Test
    void decomposedLettersAreOneLetterWithTheirMarks() {
        assertThat(GreetingName.first("Mu\u0308ller")).isEqualTo("Müller");
    }

    @Test
    void anEncodedWordThatReachedTheNameIsDecodedFirst() {
        assertThat(GreetingName.first("=?utf-8?B?TcO8bGxlcg==?=")).isEqualTo("Müller");
        assertThat(GreetingName.first("=?utf-8?Q?=3Cimg_src=3Dx=3E?=")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"<img src=x onerror=alert(1)>", "<img", "http://evil.test", "Visit www.evil.test now",
            "\"Bob\" <x>", "bob@evil.test", "Bob <bob@evil.test>", "Jane\u202Eeod", "R2D2", "Bob ☎ +1 555 0100",
            "{{ticket.url}}", "[click](http://x)", "Bob | admin", "=?utf-8?X?garbage?="})
    void hostileOrOddNamesAreNotRepeated(String name) {
        assertThat(GreetingName.first(name)).as(name).isEmpty();
        assertThat(GreetingName.full(name)).as(name).isEmpty();
    }

    @Test
    void aNameLongerThanAnyRealOneIsNotUsed() {
        assertThat(GreetingName.first("A".repeat(200))).isEmpty();
        assertThat(GreetingName.first("Bob " + "very ".repeat(40) + "long")).isEmpty();
        assertThat(GreetingName.first("Bob" + "b".repeat(50))).isEmpty();
    }

    @Test
    void noNameIsNoName() {
        assertThat(GreetingName.first(null)).isEmpty();
        assertThat(GreetingName.first("   ")).isEmpty();
    }

    @Test
    void theFullNameKeepsItsWords() {
        assertThat(GreetingName.full("Jean-Luc O'Brien Jr.")).isEqualTo("Jean-Luc O'Brien Jr");
        assertThat(GreetingName.full("山田 太郎")).isEqualTo("山田 太郎");
    }

    @Test
    void withoutANameTheGreetingIsNeutral() {
        String template = "Hello {{requester.first_name}},\n\nDear {{requester.name}}!";
        assertThat(MailTemplates.fill(template, Map.of("requester.first_name", "", "requester.name", "")))
                .isEqualTo("Hello,\n\nDear!");
        assertThat(MailTemplates.fill(template, Map.of("requester.first_name", "Jane", "requester.name", "Jane Doe")))
                .isEqualTo("Hello Jane,\n\nDear Jane Doe!");
    }
}
