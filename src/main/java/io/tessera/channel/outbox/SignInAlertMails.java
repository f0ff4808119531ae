package io.tessera.channel.outbox;

import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.tessera.channel.settings.SupportAddresses;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.IdentityEvents.SignInsThrottledForAccount;
import io.tessera.identity.IdentityEvents.SignInsThrottledFromAddress;
import io.tessera.identity.Role;

/**
 * Tells every active admin by mail when sign-ins start being throttled — an address failing on many
 * accounts, or one account failing from many addresses — so a sustained attack is noticed the day it
 * happens and not at the next look at the audit log. Sent once per limit reached (identity publishes the
 * event once), after the commit and retried by the event publication registry; never with a password or
 * the attacked email in a log line.
 */
@Component
class SignInAlertMails {

    private static final Logger log = LoggerFactory.getLogger(SignInAlertMails.class);

    private final AgentManagement agents;
    private final Outbox outbox;
    private final SupportAddresses addresses;

    SignInAlertMails(AgentManagement agents, Outbox outbox, SupportAddresses addresses) {
        this.agents = agents;
        this.outbox = outbox;
        this.addresses = addresses;
    }

    @ApplicationModuleListener
    void on(SignInsThrottledFromAddress event) {
        alert("Sign-ins throttled: " + event.failures() + " failed from " + event.address(),
                event.failures() + " wrong passwords were tried from the address " + event.address()
                        + " in the last day, for one or more accounts. Further attempts from it now wait, longer after"
                        + " each failure; agents who signed in from it before are not slowed.\n\n"
                        + "If this is not your office or VPN, someone may be trying passwords: see Admin → Audit log.");
    }

    @ApplicationModuleListener
    void on(SignInsThrottledForAccount event) {
        alert("Sign-ins throttled: " + event.failures() + " failed for " + event.email(),
                event.failures() + " wrong passwords were tried for " + event.email() + " in the last day, from"
                        + " several addresses. Attempts from addresses this agent has not signed in from now wait;"
                        + " the agent's own addresses keep working.\n\n"
                        + "See Admin → Audit log; Admin → Agents clears the failures once the agent is safe.");
    }

    private void alert(String subject, String text) {
        String sender = addresses.defaultSender();
        String domain = sender.substring(sender.lastIndexOf('@') + 1);
        List<Agent> admins = agents.list().stream().filter(Agent::active).filter(a -> a.role() == Role.ADMIN).toList();
        for (Agent admin : admins) {
            outbox.queue(new OutgoingMail(OutboundKind.NOTIFICATION, null, null, "\"Tessera\" <" + sender + ">",
                    List.of(admin.email()), List.of(), subject, "alert." + UUID.randomUUID() + "@" + domain, null,
                    List.of(), text + "\n\n— Tessera\n", null));
        }
        log.info("Queued a sign-in alert for {} admins", admins.size());
    }
}
