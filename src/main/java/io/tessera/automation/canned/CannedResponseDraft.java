package io.tessera.automation.canned;

/** What an agent asks to save; {@code shortcode} may be blank (none) and may start with "/". */
public record CannedResponseDraft(String title, String shortcode, String body, boolean shared) {
}
