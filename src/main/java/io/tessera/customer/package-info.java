/**
 * The people who write in (customers, also called requesters) and their organizations (tier, email
 * domains). The facade {@link io.tessera.customer.Customers} is the module's API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customer")
package io.tessera.customer;
