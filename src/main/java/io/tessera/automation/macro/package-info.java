/**
 * Macros: named sets of actions an agent applies to a ticket in one click (tags, status, assignee, a
 * templated public reply, an internal note), previewed before they are applied, and usable on many tickets
 * at once from a view. Shared ones are managed by supervisors and admins, personal ones by their owner.
 * The actions are the rules' typed actions ({@link io.tessera.automation.ActionType}) plus
 * {@code add_reply}; they are applied as the agent, not as a rule. {@link io.tessera.automation.macro.Macros}
 * is the facade (docs/macros.md).
 */
package io.tessera.automation.macro;
