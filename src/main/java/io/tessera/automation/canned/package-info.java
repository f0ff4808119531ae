/**
 * Canned responses: reply texts an agent inserts into the reply box, from a picker or by typing a
 * shortcode such as {@code /refund}, with placeholders ({@link io.tessera.automation.canned.Placeholders})
 * filled from the ticket, its requester and the agent. Shared ones are managed by supervisors and admins,
 * personal ones by their owner. {@link io.tessera.automation.canned.CannedResponses} is the facade.
 */
package io.tessera.automation.canned;
