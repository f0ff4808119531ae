package io.tessera.automation.canned;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tessera.customer.Customer;
import io.tessera.customer.Customers;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.Role;
import io.tessera.shared.AgentId;
import io.tessera.ticket.CustomStatuses;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketAccess;

/**
 * The canned responses an agent has and who may change them: every agent sees the shared ones and their
 * own. Supervisors and admins manage shared ones; each agent manages their personal ones. Rendering reads
 * the ticket only if the agent may see it (else {@link io.tessera.ticket.TicketNotFound}, like every page).
 */
@Service
@Transactional
public class CannedResponses {

    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 20_000;
    private static final Pattern SHORTCODE = Pattern.compile("[a-z0-9_-]{1,40}");

    private final CannedResponseRepository repository;
    private final TicketAccess access;
    private final Customers customers;
    private final AgentManagement agents;
    private final CustomStatuses statuses;
    private final Clock clock;

    CannedResponses(CannedResponseRepository repository, TicketAccess access, Customers customers,
                    AgentManagement agents, CustomStatuses statuses, Clock clock) {
        this.repository = repository;
        this.access = access;
        this.customers = customers;
        this.agents = agents;
        this.statuses = statuses;
        this.clock = clock;
    }

    /** A response filled for one ticket; {@code unknown} lists placeholders left as typed. */
    public record Rendered(String body, List<String> unknown) {
    }

    @Transactional(readOnly = true)
    public List<CannedResponse> visibleTo(Agent agent) {
        return repository.visibleTo(agent.id());
    }

    /** The response if the agent may use it: 404 when there is none, 403 when it is someone else's. */
    @Transactional(readOnly = true)
    public CannedResponse get(long id, Agent agent) {
        CannedResponse response = repository.find(id)
                .orElseThrow(() -> new CannedResponseNotFound("No canned response " + id + "."));
        if (!response.isShared() && !response.isOwnedBy(agent.id())) {
            throw new CannedResponseForbidden("This is another agent's personal canned response.");
        }
        return response;
    }

    /** The agent's personal response with this shortcode, or else the shared one. */
    @Transactional(readOnly = true)
    public CannedResponse findByShortcode(String shortcode, Agent agent) {
        String code = shortcode(shortcode);
        if (code == null) {
            throw new InvalidCannedResponse("shortcode", "Give a shortcode.");
        }
        return repository.findByShortcode(code, agent.id())
                .orElseThrow(() -> new CannedResponseNotFound("No canned response with shortcode /" + code + "."));
    }

    public CannedResponse create(CannedResponseDraft draft, Agent by) {
        if (draft.shared() && !mayManageShared(by)) {
            throw new CannedResponseForbidden("Only supervisors and admins create shared canned responses.");
        }
        AgentId owner = draft.shared() ? null : by.id();
        Checked checked = check(draft, owner, null);
        long id = save(() -> repository.insert(checked.title(), checked.shortcode(), checked.body(), owner, clock.instant()),
                checked.shortcode());
        return repository.find(id).orElseThrow();
    }

    public CannedResponse update(long id, CannedResponseDraft draft, Agent by) {
        CannedResponse current = get(id, by);
        checkMayEdit(current, by);
        if (draft.shared() && !mayManageShared(by)) {
            throw new CannedResponseForbidden("Only supervisors and admins make canned responses shared.");
        }
        // A shared response made personal becomes the personal response of whoever did it.
        AgentId owner = draft.shared() ? null : (current.isShared() ? by.id() : current.owner());
        Checked checked = check(draft, owner, id);
        save(() -> {
            repository.update(id, checked.title(), checked.shortcode(), checked.body(), owner, clock.instant());
            return id;
        }, checked.shortcode());
        return repository.find(id).orElseThrow();
    }

    public void delete(long id, Agent by) {
        checkMayEdit(get(id, by), by);
        repository.delete(id);
    }

    @Transactional(readOnly = true)
    public Rendered render(long id, long ticketNumber, Agent agent) {
        return render(get(id, agent), ticketNumber, agent);
    }

    /** The response a typed {@code /shortcode} stands for, filled for the ticket. */
    @Transactional(readOnly = true)
    public Rendered expand(String shortcode, long ticketNumber, Agent agent) {
        return render(findByShortcode(shortcode, agent), ticketNumber, agent);
    }

    public boolean mayEdit(CannedResponse response, Agent agent) {
        return response.isShared() ? mayManageShared(agent) : response.isOwnedBy(agent.id());
    }

    public boolean mayManageShared(Agent agent) {
        return agent.role() == Role.SUPERVISOR || agent.role() == Role.ADMIN;
    }

    private Rendered render(CannedResponse response, long ticketNumber, Agent agent) {
        return fill(response.body(), access.visibleTicket(agent.id(), ticketNumber), agent);
    }

    /**
     * Any text with these placeholders (a macro's reply) filled for a ticket the caller already checked the
     * agent may see, with the same values and the same one-pass rules as a canned response.
     */
    public Rendered fill(String text, Ticket ticket, Agent agent) {
        Customer requester = customers.find(ticket.requester()).orElse(null);
        Agent writer = agents.find(agent.id()).orElse(agent);
        Map<String, String> values = new HashMap<>();
        values.put("requester.name", requester == null || requester.name() == null ? "" : requester.name());
        values.put("requester.first_name", Placeholders.firstName(requester == null ? null : requester.name()));
        values.put("requester.email", requester == null || requester.email() == null ? "" : requester.email());
        values.put("ticket.number", Long.toString(ticket.number()));
        values.put("ticket.subject", ticket.subject());
        values.put("ticket.status", statuses.nameOf(ticket.status(), ticket.customStatusId()));
        values.put("agent.name", writer.name());
        values.put("agent.first_name", Placeholders.firstName(writer.name()));
        Placeholders.Filled filled = Placeholders.fill(text, values);
        return new Rendered(filled.text(), filled.unknown());
    }

    private record Checked(String title, String shortcode, String body) {
    }

    private Checked check(CannedResponseDraft draft, AgentId owner, Long id) {
        String title = draft.title() == null ? "" : draft.title().strip();
        if (title.isEmpty() || title.length() > MAX_TITLE) {
            throw new InvalidCannedResponse("title", "Give the canned response a title of at most " + MAX_TITLE + " characters.");
        }
        String code = shortcode(draft.shortcode());
        String body = draft.body() == null ? "" : draft.body();
        if (body.isBlank() || body.length() > MAX_BODY) {
            throw new InvalidCannedResponse("body", "Write the response text (at most " + MAX_BODY + " characters).");
        }
        List<String> unknown = Placeholders.unknown(body);
        if (!unknown.isEmpty()) {
            throw new InvalidCannedResponse("body", "Unknown placeholder" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + ". See docs/canned-responses.md for the ones there are.");
        }
        if (code != null && repository.shortcodeTaken(code, owner, id)) {
            throw taken(code, owner);
        }
        return new Checked(title, code, body);
    }

    /** A shortcode as stored: without the leading "/", lower case; null for none. */
    static String shortcode(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String code = typed.strip();
        code = (code.startsWith("/") ? code.substring(1) : code).toLowerCase(Locale.ROOT);
        if (!SHORTCODE.matcher(code).matches()) {
            throw new InvalidCannedResponse("shortcode",
                    "A shortcode is 1 to 40 letters, digits, '-' or '_', like /refund.");
        }
        return code;
    }

    private long save(java.util.function.LongSupplier write, String shortcode) {
        try {
            return write.getAsLong();
        } catch (DuplicateKeyException e) {
            // Two saves of the same shortcode at once: the unique index decides, the loser hears why.
            throw new InvalidCannedResponse("shortcode", "The shortcode /" + shortcode + " is already in use.");
        }
    }

    private static InvalidCannedResponse taken(String code, AgentId owner) {
        return new InvalidCannedResponse("shortcode", owner == null
                ? "A shared canned response already uses /" + code + "."
                : "One of your canned responses already uses /" + code + ".");
    }

    private void checkMayEdit(CannedResponse response, Agent agent) {
        if (!mayEdit(response, agent)) {
            throw new CannedResponseForbidden(response.isShared()
                    ? "Only supervisors and admins change shared canned responses."
                    : "This is another agent's personal canned response.");
        }
    }
}
