/**
 * Rules that do the mechanical work: triggers, automations, macros and canned responses. Depends on
 * ticket, conversation, view, identity, customer; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Automation")
package io.tessera.automation;
