package io.tessera.automation;

import java.util.List;

/** The result of trying a rule against a ticket: whether it matches, and what it would do (nothing is changed). */
public record RulePreview(long ticketNumber, boolean matches, List<String> wouldDo) {
}
