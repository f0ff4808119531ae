package io.tessera.channel;

import java.util.Locale;
import java.util.Optional;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tessera.channel.intake.InboundMail;
import io.tessera.channel.intake.InboundMailProcessor;
import io.tessera.channel.intake.InboundMails;
import io.tessera.channel.intake.ProcessedMail;
import io.tessera.channel.outbox.MailTemplate;
import io.tessera.channel.outbox.MailTemplates;
import io.tessera.channel.outbox.OutboundMail;
import io.tessera.channel.outbox.Outbox;
import io.tessera.channel.outbox.SmtpServer;
import io.tessera.channel.outbox.SmtpSettings;
import io.tessera.channel.outbox.SmtpTestMail;
import io.tessera.channel.settings.SupportAddresses;
import io.tessera.channel.settings.TeamMailRules;
import io.tessera.channel.settings.TeamMailSettings;
import io.tessera.channel.settings.TeamMailSettings.ClosedReplyRule;
import io.tessera.identity.Team;
import io.tessera.identity.TeamManagement;
import io.tessera.shared.HostPolicy;
import io.tessera.shared.Initiator;

/**
 * The admin's side of email (screens under {@code /admin/email}): every change here is checked, then made
 * and audited in one transaction ({@link EmailSettingsChanged}). The services it calls stay usable without
 * an initiator (the sender, the intake, tests); this is where a person's decision is recorded. Refusals are
 * {@link InvalidEmailSetting}s naming the form field.
 */
@Service
public class EmailAdministration {

    private final SmtpSettings smtp;
    private final SmtpTestMail testMail;
    private final MailTemplates templates;
    private final TeamMailRules teamRules;
    private final SupportAddresses addresses;
    private final TeamManagement teams;
    private final InboundMails inbound;
    private final InboundMailProcessor processor;
    private final Outbox outbox;
    private final ApplicationEventPublisher events;
    private final HostPolicy hosts;

    EmailAdministration(SmtpSettings smtp, SmtpTestMail testMail, MailTemplates templates, TeamMailRules teamRules,
                        SupportAddresses addresses, TeamManagement teams, InboundMails inbound,
                        InboundMailProcessor processor, Outbox outbox, ApplicationEventPublisher events, HostPolicy hosts) {
        this.smtp = smtp;
        this.testMail = testMail;
        this.templates = templates;
        this.teamRules = teamRules;
        this.addresses = addresses;
        this.teams = teams;
        this.inbound = inbound;
        this.processor = processor;
        this.outbox = outbox;
        this.events = events;
        this.hosts = hosts;
    }

    // --- SMTP --------------------------------------------------------------------------------------------

    /** Saves the SMTP server; a blank password keeps the stored one unless {@code removePassword}. */
    @Transactional
    public void saveSmtp(SmtpServer server, boolean removePassword, Initiator by) {
        String host = server.host() == null ? "" : server.host().strip();
        if (host.isEmpty() || host.length() > 255 || !host.matches("[A-Za-z0-9.\\-:\\[\\]_]+")) {
            throw new InvalidEmailSetting("host", "Give the SMTP server's host name or IP address, e.g. smtp.example.com.");
        }
        // Not a way into this host's or the cloud's internals (docs/security.md); checked again when connecting.
        hosts.refusal(host).ifPresent(reason -> {
            throw new InvalidEmailSetting("host", reason);
        });
        if (server.port() < 1 || server.port() > 65535) {
            throw new InvalidEmailSetting("port", "The port is a number from 1 to 65535 (usually 587, 465 or 25).");
        }
        boolean typedPassword = server.password() != null && !server.password().isEmpty();
        if (typedPassword && removePassword) {
            throw new InvalidEmailSetting("password", "Either type a new password or remove the stored one, not both.");
        }
        if (typedPassword && !server.authenticates()) {
            throw new InvalidEmailSetting("username", "A password needs a user name.");
        }
        if (server.username() != null && server.username().strip().length() > 320) {
            throw new InvalidEmailSetting("username", "The user name may have at most 320 characters.");
        }
        boolean hadPassword = smtp.current().map(s -> s.password() != null).orElse(false);
        smtp.save(new SmtpServer(host, server.port(), server.security(), server.username(), server.password()), removePassword);
        // Says what happened to the password, never what it is.
        String password = removePassword ? (hadPassword ? "password removed" : "no password")
                : typedPassword ? "new password" : hadPassword ? "password kept" : "no password";
        audit("smtp.saved", "smtp_settings", null, "SMTP server " + host + ":" + server.port() + ", "
                + server.security().name().toLowerCase(Locale.ROOT)
                + (server.authenticates() ? ", user " + server.username().strip() : ", no login") + ", " + password, by);
    }

    /** Forgets the SMTP server: mail stays queued in the outbox again. */
    @Transactional
    public void removeSmtp(Initiator by) {
        if (smtp.current().isPresent()) {
            smtp.clear();
            audit("smtp.removed", "smtp_settings", null, "Removed the SMTP settings: mail stays queued", by);
        }
    }

    /** Sends one mail through the saved settings at once and says what the server answered. */
    public SmtpTestMail.Result sendTestMail(String to, Initiator by) {
        String address = address("testTo", to);
        SmtpTestMail.Result result = testMail.send(address);
        audit("smtp.test_sent", "smtp_settings", null, "Test mail to " + address + ": "
                + (result.sent() ? "sent, " : "failed, ") + truncate(result.answer(), 300), by);
        return result;
    }

    // --- templates ---------------------------------------------------------------------------------------

    @Transactional
    public void saveTemplate(String key, String subject, String body, Initiator by) {
        MailTemplate before = templates.get(key);
        String strippedSubject = subject == null ? "" : subject.strip();
        if (strippedSubject.isEmpty() || strippedSubject.length() > 998 || strippedSubject.matches("(?s).*[\\r\\n].*")) {
            throw new InvalidEmailSetting("subject", "Give the subject as one line of at most 998 characters.");
        }
        if (body == null || body.isBlank()) {
            throw new InvalidEmailSetting("body", "Write the mail's text.");
        }
        if (body.length() > 50_000) {
            throw new InvalidEmailSetting("body", "The text may have at most 50,000 characters.");
        }
        if (MailTemplates.AGENT_REPLY.equals(key) && !body.matches("(?s).*\\{\\{\\s*message\\s*}}.*")) {
            throw new InvalidEmailSetting("body", "The agent reply must contain {{message}}, or replies would be mailed without the agent's text.");
        }
        templates.save(key, strippedSubject, body.replace("\r\n", "\n"));
        audit("mail_template.saved", "mail_template", null, "Saved the " + key + " mail template"
                + (before.custom() ? "" : " (was the built-in text)"), by);
    }

    @Transactional
    public void resetTemplate(String key, Initiator by) {
        if (templates.get(key).custom()) {
            templates.reset(key);
            audit("mail_template.reset", "mail_template", null, "Reset the " + key + " mail template to the built-in text", by);
        }
    }

    // --- teams -------------------------------------------------------------------------------------------

    /**
     * Saves a team's mail rules. Its sending address becomes one Tessera receives mail for (the SMTP receiver
     * and the pipe accept it) and treats as its own when mail comes from it, so it may belong to one team only.
     */
    @Transactional
    public void saveTeamRules(TeamMailSettings rules, Initiator by) {
        Team team = teams.get(rules.team());
        String sender = rules.supportAddress() == null ? null : address("supportAddress", rules.supportAddress());
        if (sender != null) {
            addresses.teamFor(sender).filter(other -> !other.equals(team.id())).ifPresent(other -> {
                throw new InvalidEmailSetting("supportAddress", sender + " is already used by the team "
                        + teams.find(other).map(Team::name).orElse("#" + other.value()) + " or one of its mailboxes.");
            });
        }
        if (rules.closedReplyRule() == ClosedReplyRule.FOLLOW_UP_AFTER_DAYS
                && (rules.closedReplyDays() < 1 || rules.closedReplyDays() > 3650)) {
            throw new InvalidEmailSetting("closedReplyDays", "Give the number of days, from 1 to 3650.");
        }
        teamRules.save(new TeamMailSettings(team.id(), sender, rules.closedReplyRule(), rules.closedReplyDays(),
                rules.newSubjectSplits()));
        String closed = switch (rules.closedReplyRule()) {
            case REOPEN -> "reopen";
            case FOLLOW_UP -> "follow-up";
            case FOLLOW_UP_AFTER_DAYS -> "reopen within " + rules.closedReplyDays() + " days, then follow-up";
        };
        audit("team_mail.saved", "team", team.id().value(), "Mail rules of team " + team.name() + ": sending address "
                + (sender == null ? "the default" : sender) + ", replies to closed tickets: " + closed
                + ", new subject starts a new ticket: " + (rules.newSubjectSplits() ? "yes" : "no"), by);
    }

    // --- mail --------------------------------------------------------------------------------------------

    /**
     * Processes a failed or ignored stored message again, now. Empty when it is neither (processed already,
     * or being processed). Not one transaction: processing commits in its own, the audit line after it.
     */
    public Optional<ProcessedMail> reprocess(long id, Initiator by) {
        InboundMail mail = inbound.find(id).orElseThrow(() -> new InvalidEmailSetting("id", "No stored mail " + id + "."));
        Optional<ProcessedMail> result = processor.reprocess(id);
        result.ifPresent(done -> audit("inbound_mail.reprocessed", "inbound_mail", id, "Reprocessed mail " + id + " from "
                + mail.from() + " (was " + mail.status().toLowerCase(Locale.ROOT) + "): "
                + done.status().toLowerCase(Locale.ROOT) + (done.note() == null ? "" : ", " + truncate(done.note(), 300)), by));
        return result;
    }

    /** Queues a failed, retrying or suppressed outbox mail for sending now; false when it is in no such state. */
    @Transactional
    public boolean sendAgain(long id, Initiator by) {
        OutboundMail mail = outbox.find(id).orElseThrow(() -> new InvalidEmailSetting("id", "No outbox mail " + id + "."));
        boolean queued = outbox.retry(id);
        if (queued) {
            audit("outbound_mail.sent_again", "outbound_mail", id, "Sent mail " + id + " again (was "
                    + mail.status().name().toLowerCase(Locale.ROOT) + ") to " + String.join(", ", mail.to()) + ": "
                    + truncate(mail.subject(), 200), by);
        }
        return queued;
    }

    /** A single plain address (no display name), lower case; refused with a message naming the field. */
    private static String address(String field, String value) {
        String typed = value == null ? "" : value.strip();
        try {
            InternetAddress parsed = new InternetAddress(typed, true);
            if (parsed.getPersonal() != null || !typed.equals(parsed.getAddress()) || !typed.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")
                    || typed.length() > 320) {
                throw new AddressException(typed);
            }
            return typed.toLowerCase(Locale.ROOT);
        } catch (AddressException e) {
            throw new InvalidEmailSetting(field, typed.isEmpty() ? "Give an email address." : typed + " is not a valid email address.");
        }
    }

    private void audit(String action, String subjectType, Long subjectId, String summary, Initiator by) {
        events.publishEvent(new EmailSettingsChanged(action, subjectType, subjectId, summary, by));
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max) + "…";
    }
}
