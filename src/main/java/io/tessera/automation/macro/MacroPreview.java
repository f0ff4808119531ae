package io.tessera.automation.macro;

import java.util.List;

/**
 * What applying a macro to a ticket would do, worked out without changing anything: one line per action
 * for people ({@code Status: Open → Pending}), the reply and note as they would be written (placeholders
 * filled, {@code null} when the macro has none), and {@code warnings} for what the ticket would refuse as it
 * is now (a closed ticket, an assignee outside the team).
 */
public record MacroPreview(long ticketNumber, String macroName, List<String> wouldDo, String reply, String note,
                           List<String> warnings) {

    public MacroPreview {
        wouldDo = List.copyOf(wouldDo);
        warnings = List.copyOf(warnings);
    }
}
