package io.tessera.customer;

/**
 * What rules ask about a requester: the tier that applies (the organization's, else the customer's own)
 * and the customer's language tag; {@code null} when not set.
 */
public record CustomerFacts(String tier, String language) {
}
