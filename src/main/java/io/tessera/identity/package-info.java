/**
 * Who works in Tessera: agents with a role (admin, supervisor, agent), teams, throttled sign-in,
 * personal API tokens, and the first-admin bootstrap. The facades {@link io.tessera.identity.AgentManagement},
 * {@link io.tessera.identity.TeamManagement} and {@link io.tessera.identity.ApiTokens} are the module's API;
 * every admin change publishes an audited event.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package io.tessera.identity;
