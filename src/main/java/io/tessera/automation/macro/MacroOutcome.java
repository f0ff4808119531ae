package io.tessera.automation.macro;

/** What applying a macro did to one ticket of a bulk request: applied, or refused and why. */
public record MacroOutcome(long ticketNumber, boolean applied, String reason) {

    static MacroOutcome applied(long number) {
        return new MacroOutcome(number, true, null);
    }

    static MacroOutcome refused(long number, String reason) {
        return new MacroOutcome(number, false, reason);
    }
}
