package io.tessera.view;

/** A sidebar count: exact below the bound, otherwise "at least" ({@code 999+}). */
public record ViewCount(long value, boolean atLeast) {

    public String label() {
        return atLeast ? (value - 1) + "+" : String.valueOf(value);
    }
}
