package io.tessera.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tessera.identity.Agent;
import io.tessera.identity.Role;
import io.tessera.shared.AgentId;

class MentionsTests {

    private final MessageFormatting formatting = new MessageFormatting();

    private final Agent grace = agent(1, "grace@example.com", "Grace Hopper", true);
    private final Agent alan = agent(2, "alan.turing@example.com", "Alan Turing", true);
    private final Agent gone = agent(3, "gone@example.com", "Gone Agent", false);
    private final Agent sam1 = agent(4, "sam@one.example", "Sam One", true);
    private final Agent sam2 = agent(5, "sam@two.example", "Sam Two", true);
    private final List<Agent> agents = List.of(grace, alan, gone, sam1, sam2);

    @Test
    void findsHandlesAndBracketedNames() {
        assertThat(mentioned("Can you look, @grace? And @[alan turing] too.")).containsExactly(grace, alan);
    }

    @Test
    void handlesAreCaseInsensitiveAndKeepDotsInsideButNotAtTheEnd() {
        assertThat(mentioned("Thanks @Alan.Turing.")).containsExactly(alan);
        assertThat(Mentions.written(formatting.markdownToHtml("Thanks @Alan.Turing.")))
                .containsExactly(new Mentions.Written("Alan.Turing", null));
    }

    @Test
    void eachAgentOnceInTheOrderFirstMentioned() {
        assertThat(mentioned("@alan.turing then @grace then @ALAN.TURING again")).containsExactly(alan, grace);
    }

    @Test
    void anEmailAddressIsNotAMention() {
        assertThat(mentioned("Write to grace@example.com or bob@grace.io")).isEmpty();
    }

    @Test
    void codeAndLinksAreNotMentions() {
        assertThat(mentioned("Run `notify @grace` or\n\n    @grace in a block\n\nsee [@grace](https://example.com)")).isEmpty();
    }

    @Test
    void unknownInactiveAndAmbiguousNamesMentionNobody() {
        assertThat(mentioned("@nobody @gone @sam")).isEmpty();
        assertThat(mentioned("@[Sam Two]")).containsExactly(sam2);
    }

    @Test
    void highlightsKnownMentionsOnly() {
        String html = Mentions.highlight(formatting.markdownToHtml("Hi @grace. Ask @nobody, not `@grace`."), agents);

        assertThat(html).contains("<span class=\"mention\" title=\"Grace Hopper\" data-agent-id=\"1\">@grace</span>.")
                .contains("Ask @nobody").contains("<code>@grace</code>");
    }

    @Test
    void highlightingEscapesWhatItWraps() {
        Agent odd = agent(9, "x@example.com", "<b>X</b>", true);
        String html = Mentions.highlight(formatting.markdownToHtml("@[<b>X</b>] hi"), List.of(odd));

        assertThat(html).doesNotContain("<b>").contains("title=\"&lt;b&gt;X&lt;/b&gt;\"")
                .contains(">@[&lt;b&gt;X&lt;/b&gt;]</span>");
    }

    @Test
    void handleIsTheEmailLocalPart() {
        assertThat(Mentions.handleOf("Grace.Hopper@Example.com")).isEqualTo("grace.hopper");
    }

    private List<Agent> mentioned(String markdown) {
        return Mentions.mentioned(formatting.markdownToHtml(markdown), agents);
    }

    private static Agent agent(long id, String email, String name, boolean active) {
        return new Agent(AgentId.of(id), email, name, Role.AGENT, active, null, Instant.EPOCH, List.of());
    }
}
