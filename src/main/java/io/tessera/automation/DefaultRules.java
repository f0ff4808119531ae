package io.tessera.automation;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.tessera.shared.Initiator;
import io.tessera.view.ConditionRow;

/**
 * The triggers and automations a new install starts with, switched on (docs/rules.md, "Defaults"): admins
 * change or delete them like their own. Installed once, on the first start, and marked in {@code setting},
 * so a default an admin deleted stays deleted. {@code tessera.rules.defaults=false} skips them (tests that
 * need a quiet install).
 */
@Component
@Order(5)
class DefaultRules implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultRules.class);
    private static final String MARKER = "rules.defaults.installed";

    private final boolean wanted;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Triggers triggers;
    private final Automations automations;

    DefaultRules(@Value("${tessera.rules.defaults:true}") boolean wanted, JdbcClient jdbc, TransactionTemplate transactions,
                 Triggers triggers, Automations automations) {
        this.wanted = wanted;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.triggers = triggers;
        this.automations = automations;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!wanted) {
            return;
        }
        transactions.executeWithoutResult(status -> {
            if (jdbc.sql("select count(*) from setting where name = ?").param(MARKER).query(Long.class).single() > 0) {
                return;
            }
            install();
            jdbc.sql("insert into setting (name, setting_value) values (?, ?)").params(MARKER, "true").update();
            LOG.info("Installed the default triggers and automations (docs/rules.md)");
        });
    }

    private void install() {
        Initiator system = Initiator.system();
        triggers.create(new TriggerDraft("Acknowledge new web requests", "Email the requester that the request arrived; "
                + "requests by email get the email channel's own acknowledgement.", true, List.of("created"),
                List.of(row("channel", "in", "web", "chat")), List.of(),
                List.of(new ActionRow("send_email", List.of("requester", "We received your request",
                        "Hi {{requester.first_name}},\n\nthank you for writing to us. Your request #{{ticket.number}} "
                                + "(“{{ticket.subject}}”) has arrived and {{team.name}} will answer soon.\n\n"
                                + "You can follow it here: {{ticket.url}}")))), system);
        triggers.create(new TriggerDraft("Notify the assignee of a customer reply", null, true, List.of("customer_replied"),
                List.of(row("assignee", "is_not", "none")), List.of(),
                List.of(new ActionRow("send_email", List.of("assignee", "New reply from {{requester.name}}",
                        "{{requester.name}} replied on #{{ticket.number}} “{{ticket.subject}}”.\n\n{{ticket.agent_url}}")))),
                system);
        triggers.create(new TriggerDraft("Reopen on customer reply", "A reply to a ticket on hold puts it back to open "
                + "(pending and solved tickets reopen by themselves).", true, List.of("customer_replied"),
                List.of(row("status", "is", "on-hold")), List.of(),
                List.of(new ActionRow("set_status", List.of("open")))), system);

        automations.create(new AutomationDraft("Close solved tickets after 4 days", null, true,
                List.of(row("status", "is", "solved"), row("solved", "greater_than", "4d")), List.of(),
                List.of(new ActionRow("set_status", List.of("closed")))), system);
        automations.create(new AutomationDraft("Remind the customer after 3 days pending", "Once per wait: the reminder "
                + "goes again only after the ticket has changed.", true,
                List.of(row("status", "is", "pending"), row("status_changed", "greater_than", "3d")), List.of(),
                List.of(new ActionRow("send_email", List.of("requester", "Do you still need help?",
                        "Hi {{requester.first_name}},\n\nwe are waiting for your reply on #{{ticket.number}} "
                                + "(“{{ticket.subject}}”). Just answer this email and we will pick it up again.")))),
                system);
        automations.create(new AutomationDraft("Escalate new tickets untouched for 2 hours", null, true,
                List.of(row("status", "is", "new"), row("updated", "greater_than", "2h"), row("priority", "in", "low", "normal")),
                List.of(), List.of(new ActionRow("set_priority", List.of("high")), new ActionRow("add_tags", List.of("escalated")),
                        new ActionRow("add_note", List.of("Nobody picked this ticket up within 2 hours; raised to high.")))),
                system);
    }

    private static ConditionRow row(String field, String operator, String... values) {
        return new ConditionRow(field, operator, List.of(values));
    }
}
