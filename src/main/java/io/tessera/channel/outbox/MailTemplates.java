package io.tessera.channel.outbox;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The texts of mail Tessera writes itself, editable by admins ({@code mail_template}; without a row the
 * built-in text below applies, so an upgrade can improve the defaults of everyone who did not customise).
 * Bodies are Markdown: the HTML part is rendered from it and the text part is the Markdown itself, which
 * reads well as plain text. Placeholders are {@code {{name}}}; an unknown one is left as written so a
 * typo is visible in the preview, not silently blank.
 */
@Service
@Transactional
public class MailTemplates {

    public static final String ACKNOWLEDGEMENT = "acknowledgement";
    public static final String AGENT_REPLY = "agent-reply";
    public static final String AGENT_NOTIFICATION = "agent-notification";

    /** The placeholders every template may use, with what they stand for (the admin screen lists them). */
    public static final Map<String, String> PLACEHOLDERS = placeholders();

    private static final Map<String, MailTemplate> DEFAULTS = Map.of(
            ACKNOWLEDGEMENT, new MailTemplate(ACKNOWLEDGEMENT, "[#{{ticket.number}}] We received your request: {{ticket.subject}}",
                    """
                    Hello {{requester.first_name}},

                    Thank you for writing to us. Your request has been received and is being reviewed by our team.
                    Its number is **#{{ticket.number}}**; to add anything, simply reply to this email.

                    Kind regards,
                    {{team.name}}
                    """, false),
            AGENT_REPLY, new MailTemplate(AGENT_REPLY, "Re: {{ticket.subject}} [#{{ticket.number}}]",
                    """
                    {{message}}

                    ---
                    {{agent.name}}, {{team.name}} · ticket #{{ticket.number}} · reply to this email to answer.
                    """, false),
            AGENT_NOTIFICATION, new MailTemplate(AGENT_NOTIFICATION, "[#{{ticket.number}}] {{notification.text}}: {{ticket.subject}}",
                    """
                    {{notification.text}} on ticket #{{ticket.number}}, "{{ticket.subject}}".

                    {{message}}

                    Open the ticket: {{ticket.agent_url}}

                    A reply to this email is added to the ticket as your internal note. Stop these emails under
                    Notifications in Tessera.
                    """, false));

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z_.]+)\\s*}}");
    /** A placeholder with the spaces before it, which an empty value takes along ("Hello {{requester.first_name}},"). */
    private static final Pattern SPACED_PLACEHOLDER = Pattern.compile("([ \\t]*)\\{\\{\\s*([a-z_.]+)\\s*}}");

    private final JdbcClient jdbc;
    private final Clock clock;

    MailTemplates(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<MailTemplate> all() {
        return DEFAULTS.keySet().stream().sorted().map(this::get).toList();
    }

    @Transactional(readOnly = true)
    public MailTemplate get(String key) {
        MailTemplate fallback = DEFAULTS.get(key);
        if (fallback == null) {
            throw new IllegalArgumentException("No mail template " + key);
        }
        return jdbc.sql("select subject, body from mail_template where template_key = ?").param(key)
                .query((rs, n) -> new MailTemplate(key, rs.getString("subject"), rs.getString("body"), true))
                .optional().orElse(fallback);
    }

    public void save(String key, String subject, String body) {
        get(key);
        jdbc.sql("delete from mail_template where template_key = ?").param(key).update();
        jdbc.sql("insert into mail_template (template_key, subject, body, updated_at) values (?, ?, ?, ?)")
                .params(key, subject.strip(), body, clock.instant().atOffset(ZoneOffset.UTC)).update();
    }

    /** Back to the built-in text. */
    public void reset(String key) {
        jdbc.sql("delete from mail_template where template_key = ?").param(key).update();
    }

    /**
     * Fills the placeholders; values are taken as written (the body is Markdown, sanitised when rendered). An
     * empty value also removes the spaces before its placeholder, so a customer greeted without a name
     * ({@link GreetingName}) reads "Hello," rather than "Hello ,".
     */
    public static String fill(String template, Map<String, String> values) {
        Matcher matcher = SPACED_PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(2));
            String filled = value == null ? matcher.group() : value.isEmpty() ? "" : matcher.group(1) + value;
            matcher.appendReplacement(out, Matcher.quoteReplacement(filled));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The placeholders in these texts that are not ones we fill: left as written, shown as a warning. */
    public static java.util.Set<String> unknownPlaceholders(String... texts) {
        java.util.Set<String> unknown = new java.util.LinkedHashSet<>();
        for (String text : texts) {
            Matcher matcher = PLACEHOLDER.matcher(text == null ? "" : text);
            while (matcher.find()) {
                if (!PLACEHOLDERS.containsKey(matcher.group(1))) {
                    unknown.add(matcher.group());
                }
            }
        }
        return unknown;
    }

    /** Made-up values for the admin's preview, one for every placeholder. */
    public static Map<String, String> sampleValues() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("ticket.number", "1042");
        values.put("ticket.subject", "The printer on floor 3 jams");
        values.put("ticket.url", "https://help.example.com/portal/tickets/1042");
        values.put("requester.name", "Jane Doe");
        values.put("requester.first_name", "Jane");
        values.put("requester.email", "jane@customer.example");
        values.put("team.name", "Customer Support");
        values.put("agent.name", "Aisha Agent");
        values.put("message", "Thanks for the details, Jane. I have sent a technician; the printer is **fixed** now.");
        values.put("notification.text", "Aisha Agent mentioned you");
        values.put("ticket.agent_url", "https://help.example.com/tickets/1042");
        return values;
    }

    private static Map<String, String> placeholders() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("ticket.number", "the ticket's number, e.g. 4521");
        names.put("ticket.subject", "the ticket's subject");
        names.put("ticket.url", "the ticket in the customer portal (TESSERA_BASE_URL + /portal/tickets/number)");
        names.put("requester.name", "the requester's full name");
        names.put("requester.first_name", "the requester's first name");
        names.put("requester.email", "the requester's address");
        names.put("team.name", "the ticket's team, or \"Support\"");
        names.put("agent.name", "the agent who replied (replies only)");
        names.put("message", "the agent's reply (replies); the start of the note that mentions you (notifications)");
        names.put("notification.text", "what happened, e.g. \"Aisha Agent mentioned you\" (agent notifications only)");
        names.put("ticket.agent_url", "the ticket in the agent workspace (TESSERA_BASE_URL + /tickets/number)");
        return java.util.Collections.unmodifiableMap(names);
    }
}
