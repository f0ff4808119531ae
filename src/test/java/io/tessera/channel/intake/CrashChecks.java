package io.tessera.channel.intake;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;

/**
 * What must hold in the database after the crash test's mail stream, read straight from the tables (not
 * through Tessera's code, which is what is under test). Collects every violation instead of stopping at
 * the first, so one failing run shows the whole picture.
 */
final class CrashChecks {

    private final Connection db;
    private final List<String> violations = new ArrayList<>();

    CrashChecks(Connection db) {
        this.db = db;
    }

    /** @param accepted every message the relay got a 250 for (after retries: all of them) */
    List<String> verify(List<CrashMail.Mail> accepted) throws SQLException {
        Map<String, Long> ticketOf = storedOnceAndProcessed(accepted);
        onTicketOnce(accepted, ticketOf);
        Map<String, Long> requestTickets = new HashMap<>();
        for (CrashMail.Mail mail : accepted) {
            if (!mail.reply() && ticketOf.containsKey(mail.messageId())) {
                requestTickets.put(mail.messageId(), ticketOf.get(mail.messageId()));
            }
        }
        oneTicketPerRequest(accepted, requestTickets);
        repliesOnTheirTicket(accepted, ticketOf, requestTickets);
        oneAcknowledgementPerTicket(requestTickets);
        return violations;
    }

    /**
     * Every accepted message is one row of inbound_mail, PROCESSED onto a ticket; nothing else is there. Rows
     * are told apart by the Message-ID in their raw bytes, not by the column Tessera fills, which is what
     * de-duplication relies on and so is under test too.
     */
    private Map<String, Long> storedOnceAndProcessed(List<CrashMail.Mail> accepted) throws SQLException {
        Map<String, Integer> rows = new HashMap<>();
        Map<String, Long> ticketOf = new HashMap<>();
        int total = 0;
        try (ResultSet rs = query("select raw, status, ticket_id, error from inbound_mail")) {
            while (rs.next()) {
                total++;
                String id = messageId(rs.getBytes(1));
                rows.merge(String.valueOf(id), 1, Integer::sum);
                if (!"PROCESSED".equals(rs.getString(2))) {
                    violations.add("inbound mail " + id + " is " + rs.getString(2) + " (" + rs.getString(4) + "), not PROCESSED");
                }
                long ticket = rs.getLong(3);
                if (!rs.wasNull()) {
                    ticketOf.put(id, ticket);
                }
            }
        }
        Set<String> sent = new HashSet<>();
        for (CrashMail.Mail mail : accepted) {
            sent.add(mail.messageId());
            int count = rows.getOrDefault(mail.messageId(), 0);
            if (count != 1) {
                violations.add("message " + mail.messageId() + " (#" + mail.ordinal() + ", accepted with 250) is stored "
                        + count + " times in inbound_mail" + (count == 0 ? ": LOST" : ": DUPLICATED"));
            } else if (!ticketOf.containsKey(mail.messageId())) {
                violations.add("message " + mail.messageId() + " is stored but on no ticket");
            }
        }
        rows.keySet().stream().filter(id -> !sent.contains(id))
                .forEach(id -> violations.add("inbound_mail holds " + id + ", which the relay never got a 250 for"));
        if (total != accepted.size()) {
            violations.add("inbound_mail has " + total + " rows for " + accepted.size() + " accepted messages");
        }
        return ticketOf;
    }

    /**
     * Each message became exactly one customer message on its ticket: one thread id (received) pointing at
     * one message row, with one file when it carried one.
     */
    private void onTicketOnce(List<CrashMail.Mail> accepted, Map<String, Long> ticketOf) throws SQLException {
        Map<String, List<long[]>> threadRows = new HashMap<>();
        try (ResultSet rs = query("select t.mail_message_id, t.ticket_id, t.message_id, m.kind, m.ticket_id, "
                + "(select count(*) from attachment a where a.message_id = t.message_id) "
                + "from mail_thread_id t left join message m on m.id = t.message_id where t.outbound = false")) {
            while (rs.next()) {
                String id = rs.getString(1);
                threadRows.computeIfAbsent(id, k -> new ArrayList<>()).add(new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(6)});
                if (!"CUSTOMER_MESSAGE".equals(rs.getString(4)) || rs.getLong(5) != rs.getLong(2)) {
                    violations.add("thread id " + id + " points at message " + rs.getLong(3) + " of kind " + rs.getString(4)
                            + " on ticket " + rs.getLong(5) + " instead of a customer message on ticket " + rs.getLong(2));
                }
            }
        }
        for (CrashMail.Mail mail : accepted) {
            List<long[]> found = threadRows.getOrDefault(mail.messageId(), List.of());
            if (found.size() != 1) {
                violations.add("message " + mail.messageId() + " (#" + mail.ordinal() + ") is on tickets " + found.size()
                        + " times (mail_thread_id)");
                continue;
            }
            long[] row = found.get(0);
            if (!Objects.equals(ticketOf.get(mail.messageId()), row[0])) {
                violations.add("message " + mail.messageId() + " is recorded on ticket " + row[0] + " but inbound_mail says "
                        + ticketOf.get(mail.messageId()));
            }
            long files = mail.attachment() ? 1 : 0;
            if (row[2] != files) {
                violations.add("message " + mail.messageId() + " has " + row[2] + " attachments, expected " + files);
            }
        }
        long customerMessages = count("select count(*) from message where kind = 'CUSTOMER_MESSAGE'");
        if (customerMessages != accepted.size()) {
            violations.add(customerMessages + " customer messages on tickets for " + accepted.size() + " accepted mails");
        }
    }

    /** A new request opened its own ticket, and no ticket exists that no request opened. */
    private void oneTicketPerRequest(List<CrashMail.Mail> accepted, Map<String, Long> requestTickets) throws SQLException {
        long requests = accepted.stream().filter(m -> !m.reply()).count();
        if (new HashSet<>(requestTickets.values()).size() != requestTickets.size()) {
            violations.add("two requests landed on the same ticket: " + requestTickets);
        }
        long tickets = count("select count(*) from ticket");
        if (tickets != requests) {
            violations.add(tickets + " tickets for " + requests + " new requests (duplicate or missing tickets)");
        }
    }

    private void repliesOnTheirTicket(List<CrashMail.Mail> accepted, Map<String, Long> ticketOf, Map<String, Long> requestTickets) {
        for (CrashMail.Mail mail : accepted) {
            if (mail.reply() && ticketOf.containsKey(mail.messageId())
                    && !Objects.equals(ticketOf.get(mail.messageId()), requestTickets.get(mail.parent()))) {
                violations.add("reply " + mail.messageId() + " landed on ticket " + ticketOf.get(mail.messageId())
                        + ", its request " + mail.parent() + " is on ticket " + requestTickets.get(mail.parent()));
            }
        }
    }

    /** The outbox holds one acknowledgement per new ticket, answering its request, and none for replies. */
    private void oneAcknowledgementPerTicket(Map<String, Long> requestTickets) throws SQLException {
        Map<Long, List<String>> acknowledged = new HashMap<>();
        try (ResultSet rs = query("select ticket_id, in_reply_to from outbound_mail where kind = 'ACKNOWLEDGEMENT'")) {
            while (rs.next()) {
                acknowledged.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(strip(rs.getString(2)));
            }
        }
        requestTickets.forEach((request, ticket) -> {
            List<String> answers = acknowledged.getOrDefault(ticket, List.of());
            if (answers.size() != 1 || !request.equals(answers.get(0))) {
                violations.add("ticket " + ticket + " of " + request + " has acknowledgements " + answers + ", expected exactly one");
            }
        });
        long total = count("select count(*) from outbound_mail");
        if (total != requestTickets.size()) {
            violations.add("the outbox holds " + total + " mails for " + requestTickets.size() + " new tickets");
        }
    }

    private ResultSet query(String sql) throws SQLException {
        PreparedStatement statement = db.prepareStatement(sql);
        statement.closeOnCompletion();
        return statement.executeQuery();
    }

    private long count(String sql) throws SQLException {
        try (ResultSet rs = query(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String messageId(byte[] raw) {
        try {
            String header = new InternetHeaders(new ByteArrayInputStream(raw)).getHeader("Message-ID", null);
            return header == null ? null : strip(header.strip());
        } catch (MessagingException unreadable) {
            return null;
        }
    }

    private static String strip(String id) {
        return id == null ? null : id.replaceAll("^<|>$", "");
    }
}
