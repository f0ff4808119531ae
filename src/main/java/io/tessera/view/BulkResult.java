package io.tessera.view;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What a bulk action did to each ticket, and the one line people read about it; {@code done} says what
 * happened to the tickets counted as {@link Kind#UPDATED} ("updated", "merged into #1042").
 */
public record BulkResult(List<Outcome> outcomes, String done) {

    public enum Kind { UPDATED, UNCHANGED, FAILED }

    public record Outcome(long number, Kind kind, String message) {
    }

    public BulkResult {
        outcomes = List.copyOf(outcomes);
    }

    public BulkResult(List<Outcome> outcomes) {
        this(outcomes, "updated");
    }

    public long count(Kind kind) {
        return outcomes.stream().filter(o -> o.kind() == kind).count();
    }

    public List<Outcome> failures() {
        return outcomes.stream().filter(o -> o.kind() == Kind.FAILED).toList();
    }

    /** "12 updated, 1 already so, 2 not: #123 Ticket #123 is closed…; #130 …" */
    public String summary() {
        StringBuilder text = new StringBuilder().append(count(Kind.UPDATED)).append(' ').append(done);
        if (count(Kind.UNCHANGED) > 0) {
            text.append(", ").append(count(Kind.UNCHANGED)).append(" already so");
        }
        if (!failures().isEmpty()) {
            text.append(", ").append(failures().size()).append(" not: ")
                    .append(failures().stream().map(f -> "#" + f.number() + " " + f.message()).collect(Collectors.joining("; ")));
        }
        return text.append('.').toString().replace("..", ".");
    }
}
