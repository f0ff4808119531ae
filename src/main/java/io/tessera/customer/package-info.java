/**
 * The people who write in (customers, also called requesters) and their organizations. A customer has
 * several email addresses (one primary), each unique across customers; an organization claims email
 * domains, and a new customer on a claimed domain joins it. Duplicate customers are merged into one
 * ({@link io.tessera.customer.CustomersMerged} lets other modules move their references).
 *
 * <p>The facades {@link io.tessera.customer.Customers}, {@link io.tessera.customer.Organizations} and
 * {@link io.tessera.customer.CustomerTickets} are the module's API. Depends on {@code identity} only for
 * the signed-in agent of its pages and API (who may merge, which tickets they may see).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customer")
package io.tessera.customer;
