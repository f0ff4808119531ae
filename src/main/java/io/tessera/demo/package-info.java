/**
 * Demo data for the embedded default: teams, agents, customers in organizations and about sixty tickets in
 * every status with replies and notes, so a new install is not empty. Never on PostgreSQL unless
 * {@code TESSERA_DEMO=true}. Nothing depends on this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package io.tessera.demo;
