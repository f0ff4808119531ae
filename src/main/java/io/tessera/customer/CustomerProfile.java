package io.tessera.customer;

import java.time.Instant;
import java.util.List;

import io.tessera.shared.CustomerId;

/**
 * Everything Tessera knows about a customer. {@code email} is the primary address (where replies go);
 * {@code emails} lists every address, the primary one first.
 */
public record CustomerProfile(CustomerId id, String name, String email, List<String> emails, String phone,
                              OrganizationRef organization, String notes, String tier, String language,
                              String timeZone, Instant createdAt) {

    /** The addresses other than the primary one. */
    public List<String> otherEmails() {
        return emails.stream().filter(e -> !e.equals(email)).toList();
    }
}
