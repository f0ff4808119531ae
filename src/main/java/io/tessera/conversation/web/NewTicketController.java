package io.tessera.conversation.web;

import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.tessera.conversation.BodyFormat;
import io.tessera.conversation.Conversations;
import io.tessera.customer.Customer;
import io.tessera.customer.Customers;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.SignedInAgent;
import io.tessera.identity.TeamManagement;
import io.tessera.shared.Actor;
import io.tessera.shared.AgentId;
import io.tessera.shared.TeamId;
import io.tessera.ticket.Channel;
import io.tessera.ticket.InvalidTicketChange;
import io.tessera.ticket.NewTicket;
import io.tessera.ticket.Priority;
import io.tessera.ticket.Tags;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketChange;
import io.tessera.ticket.TicketManagement;
import io.tessera.ticket.TicketTypes;

/**
 * Agents create tickets by hand: after a phone call (the default, with the call's length), or for a
 * walk-in, chat or social request. An unknown requester is created inline from the email and name.
 */
@Controller
class NewTicketController {

    private final Conversations conversations;
    private final Customers customers;
    private final AgentManagement agents;
    private final TeamManagement teams;
    private final TicketTypes types;
    private final CustomFieldPanel fieldPanel;
    private final TicketManagement tickets;

    NewTicketController(Conversations conversations, Customers customers, AgentManagement agents,
                        TeamManagement teams, TicketTypes types, CustomFieldPanel fieldPanel, TicketManagement tickets) {
        this.fieldPanel = fieldPanel;
        this.tickets = tickets;
        this.conversations = conversations;
        this.customers = customers;
        this.agents = agents;
        this.teams = teams;
        this.types = types;
    }

    @GetMapping("/tickets/new")
    String form(@AuthenticationPrincipal SignedInAgent me, Model model) {
        Agent agent = agents.get(me.id());
        NewTicketForm form = NewTicketForm.empty();
        if (agent.teams().size() == 1) {
            form = new NewTicketForm("", "", "", "", "PHONE", null, "NORMAL", "question",
                    agent.teams().get(0).id().value(), agent.id().value(), "");
        }
        return page(form, Map.of(), model, new LinkedMultiValueMap<>());
    }

    /** The custom fields of the chosen type's form, swapped in by htmx when the type changes. */
    @GetMapping("/tickets/new/fields")
    String fields(@RequestParam(required = false) String type, Model model) {
        fieldPanel.showTyped(model, type, new LinkedMultiValueMap<>());
        return "conversation/custom-fields :: panel";
    }

    @PostMapping("/tickets/new")
    String create(@ModelAttribute("form") NewTicketForm form, @RequestParam MultiValueMap<String, String> params,
                  @AuthenticationPrincipal SignedInAgent me, Model model,
                  RedirectAttributes redirect) {
        try {
            String email = form.requesterEmail() == null ? "" : form.requesterEmail().strip();
            if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                throw new InvalidTicketChange("requesterEmail", "Enter the requester's email address.");
            }
            TypedText.line("requesterName", form.requesterName());
            TypedText.line("subject", form.subject());
            TypedText.text("body", form.body());
            List<TicketChange> fieldChanges = fieldPanel.changes(params);
            fieldPanel.check(fieldChanges);
            Customer requester = customers.findOrCreate(email, form.requesterName());
            Channel channel = Channel.fromKey(form.channel() == null ? "PHONE" : form.channel());
            Integer callSeconds = channel == Channel.PHONE && form.callMinutes() != null && form.callMinutes() > 0
                    ? form.callMinutes() * 60 : null;
            Ticket ticket = conversations.open(new NewTicket(form.subject(), requester.id(), channel,
                    Priority.fromKey(form.priority() == null ? "NORMAL" : form.priority()), form.type(),
                    form.teamId() == null ? null : TeamId.of(form.teamId()),
                    form.assigneeId() == null ? null : AgentId.of(form.assigneeId()), Tags.parse(form.tags()), null),
                    form.body(), BodyFormat.TEXT, Actor.agent(me.id()), callSeconds);
            if (!fieldChanges.isEmpty()) {
                // Checked above; set right after creation so the history shows who filled them in.
                tickets.update(ticket.id(), null, fieldChanges, Actor.agent(me.id()));
            }
            redirect.addFlashAttribute("flash", "Ticket " + ticket.display() + " created.");
            return "redirect:/tickets/" + ticket.number();
        } catch (InvalidTicketChange e) {
            return page(form, Map.of(e.field(), e.getMessage()), model, params);
        }
    }

    private String page(NewTicketForm form, Map<String, String> errors, Model model, MultiValueMap<String, String> params) {
        model.addAttribute("form", form);
        model.addAttribute("fieldErrors", errors);
        model.addAttribute("channels", Channel.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("types", types.all().stream().filter(TicketTypes.TicketType::active).toList());
        model.addAttribute("teams", teams.list());
        model.addAttribute("agents", agents.list().stream().filter(Agent::active).toList());
        fieldPanel.showTyped(model, form.type(), params);
        return "conversation/new-ticket";
    }
}
