package io.tessera.conversation.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.tessera.conversation.AgentMessage;
import io.tessera.conversation.BodyFormat;
import io.tessera.conversation.QuotedText;
import io.tessera.conversation.Conversations;
import io.tessera.conversation.Mentions;
import io.tessera.conversation.Message;
import io.tessera.conversation.MessageDeliveries;
import io.tessera.conversation.MessageFormatting;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.SignedInAgent;
import io.tessera.identity.Team;
import io.tessera.identity.TeamManagement;
import io.tessera.shared.Actor;
import io.tessera.ticket.ConcurrentTicketChange;
import io.tessera.ticket.ActorNames;
import io.tessera.ticket.CustomStatuses;
import io.tessera.ticket.InvalidTicketChange;
import io.tessera.ticket.LoggedEvent;
import io.tessera.ticket.Tags;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketAccess;
import io.tessera.ticket.TicketEventLog;
import io.tessera.ticket.TicketManagement;
import io.tessera.ticket.TicketQueries;
import io.tessera.ticket.TicketStatus;
import io.tessera.ticket.TicketSummary;
import io.tessera.ticket.TicketTypes;

/**
 * A ticket's page: the timeline of messages and changes, the reply/note box and the properties, saved
 * together by one submit. A ticket the agent may not see answers 404, like one that does not exist. A
 * submit after someone else changed the ticket saves nothing, keeps what the agent typed and shows what
 * changed meanwhile.
 */
@Controller
class TicketPageController {

    private final TicketAccess access;
    private final TicketQueries queries;
    private final TicketManagement tickets;
    private final Conversations conversations;
    private final TicketEventLog eventLog;
    private final AgentManagement agents;
    private final TeamManagement teams;
    private final TicketTypes types;
    private final CustomStatuses statuses;
    private final Tags tags;
    private final MessageFormatting formatting;
    private final CustomFieldPanel fieldPanel;
    private final ReplyUploads uploads;
    private final ObjectProvider<MessageDeliveries> deliveries;

    private final ActorNames actorNames;

    TicketPageController(TicketAccess access, TicketQueries queries, TicketManagement tickets,
                         Conversations conversations, TicketEventLog eventLog, AgentManagement agents,
                         TeamManagement teams, TicketTypes types, CustomStatuses statuses, Tags tags,
                         MessageFormatting formatting, CustomFieldPanel fieldPanel, ReplyUploads uploads,
                         ObjectProvider<MessageDeliveries> deliveries, ActorNames actorNames) {
        this.deliveries = deliveries;
        this.actorNames = actorNames;
        this.formatting = formatting;
        this.fieldPanel = fieldPanel;
        this.uploads = uploads;
        this.access = access;
        this.queries = queries;
        this.tickets = tickets;
        this.conversations = conversations;
        this.eventLog = eventLog;
        this.agents = agents;
        this.teams = teams;
        this.types = types;
        this.statuses = statuses;
        this.tags = tags;
    }

    @GetMapping("/tickets/{number}")
    String ticket(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me, Model model) {
        Ticket ticket = access.visibleTicket(me.id(), number);
        return page(ticket, TicketUpdateForm.of(ticket, tickets.lastEventId(ticket.id())), me, model);
    }

    @PostMapping("/tickets/{number}")
    String update(@PathVariable long number, @ModelAttribute TicketUpdateForm form,
                  @RequestParam MultiValueMap<String, String> params,
                  @RequestParam(name = "files", required = false) List<MultipartFile> files,
                  @RequestParam(name = "attachmentIds", required = false) List<Long> attachmentIds,
                  @AuthenticationPrincipal SignedInAgent me, Model model, RedirectAttributes redirect) {
        Ticket ticket = access.visibleTicket(me.id(), number);
        Actor actor = Actor.agent(me.id());
        // Stored before the reply's transaction; kept in the re-shown form if the reply is not saved.
        ReplyUploads.Uploaded uploaded = uploads.store(ticket, files, attachmentIds);
        model.addAttribute("keptAttachments", uploaded.files());
        try {
            var changes = form.changes(id -> statuses.find(id).map(CustomStatuses.CustomStatus::category)
                    .orElseThrow(() -> new InvalidTicketChange("status", "Unknown status.")));
            changes.addAll(fieldPanel.changes(params));
            if (uploaded.error() != null) {
                throw new InvalidTicketChange("files", uploaded.error());
            }
            if (!form.hasMessage() && !uploaded.files().isEmpty()) {
                throw new InvalidTicketChange("body", "Write a message to go with the files.");
            }
            if (form.hasMessage()) {
                conversations.agentWrote(ticket.id(), form.version(), actor,
                        new AgentMessage(form.body(), BodyFormat.MARKDOWN, form.isNote(), changes, uploaded.ids()));
                redirect.addFlashAttribute("flash", form.isNote() ? "Note added." : "Reply sent.");
            } else {
                tickets.update(ticket.id(), form.version(), changes, actor);
                redirect.addFlashAttribute("flash", "Ticket updated.");
            }
            return "redirect:/tickets/" + number;
        } catch (ConcurrentTicketChange e) {
            List<LoggedEvent> since = eventLog.history(ticket.id()).stream()
                    .filter(ev -> form.seenEventId() == null || ev.id() > form.seenEventId()).toList();
            Timeline.Names names = names(ticket, lists(), queries.requesterName(ticket.id()));
            model.addAttribute("conflict", Timeline.changesSince(since, names));
            // Keep what the agent typed, but move the form onto the current version so a second submit
            // (after reading what changed) goes through.
            Ticket current = tickets.get(ticket.id());
            TicketUpdateForm kept = new TicketUpdateForm(current.version(), tickets.lastEventId(current.id()), form.body(),
                    form.mode(), form.status(), form.priority(), form.type(), form.teamId(), form.assigneeId(),
                    form.tags(), form.subject());
            fieldPanel.keepTyped(model, params);
            return page(current, kept, me, model);
        } catch (InvalidTicketChange e) {
            model.addAttribute("fieldErrors", Map.of(e.field(), e.getMessage()));
            fieldPanel.keepTyped(model, params);
            return page(ticket, form, me, model);
        }
    }

    private String page(Ticket ticket, TicketUpdateForm form, SignedInAgent me, Model model) {
        TicketSummary summary = queries.findByNumber(access.viewer(me.id()), ticket.number()).orElseThrow();
        Lists lists = lists();
        model.addAttribute("ticket", ticket);
        model.addAttribute("summary", summary);
        model.addAttribute("statusName", statuses.nameOf(ticket.status(), ticket.customStatusId()));
        List<Message> messages = conversations.messages(ticket.id());
        model.addAttribute("timeline", Timeline.of(messages, eventLog.history(ticket.id()),
                names(ticket, lists, summary.requesterName())));
        model.addAttribute("html", renderedBodies(messages, lists.agents()));
        uploads.addTo(model, messages);
        model.addAttribute("deliveryProblems", deliveryProblems(messages));
        model.addAttribute("form", form);
        model.addAttribute("statusOptions", statusOptions(ticket, lists.statuses()));
        model.addAttribute("priorities", io.tessera.ticket.Priority.values());
        model.addAttribute("types", lists.types().stream().filter(TicketTypes.TicketType::active).toList());
        model.addAttribute("teams", lists.teams());
        model.addAttribute("agents", lists.agents().stream().filter(Agent::active).toList());
        model.addAttribute("knownTags", tags.all());
        if (!model.containsAttribute("fieldErrors")) {
            model.addAttribute("fieldErrors", Map.of());
        }
        fieldPanel.show(model, ticket);
        return "conversation/ticket";
    }

    /**
     * Safe HTML for messages written in Markdown or HTML, by message id; plain-text messages are left out
     * and shown escaped by the template.
     */
    private Map<Long, String> renderedBodies(List<Message> messages, List<Agent> agents) {
        Map<Long, String> html = new java.util.HashMap<>();
        for (Message message : messages) {
            if (message.format() == BodyFormat.MARKDOWN) {
                html.put(message.id(), Mentions.highlight(formatting.markdownToHtml(message.body()), agents));
            } else if (message.format() == BodyFormat.HTML) {
                html.put(message.id(), QuotedText.foldHtml(formatting.sanitize(message.body())));
            } else {
                // Plain text, usually an email: its quoted history folded; left to the template when none.
                String folded = QuotedText.foldText(message.body(), message.visibleText());
                if (folded != null) {
                    html.put(message.id(), folded);
                }
            }
        }
        return html;
    }

    /** Replies whose mail is stuck (failed, retrying, suppressed), from whichever channel sends them. */
    private Map<Long, MessageDeliveries.Problem> deliveryProblems(List<Message> messages) {
        List<Long> ids = messages.stream().map(Message::id).toList();
        Map<Long, MessageDeliveries.Problem> problems = new java.util.HashMap<>();
        deliveries.orderedStream().forEach(source -> problems.putAll(source.problems(ids)));
        return problems;
    }

    /** The statuses this ticket may move to: categories and their active custom statuses. */
    private List<Map.Entry<String, String>> statusOptions(Ticket ticket, List<CustomStatuses.CustomStatus> custom) {
        List<Map.Entry<String, String>> options = new java.util.ArrayList<>();
        for (TicketStatus status : TicketStatus.values()) {
            if (!ticket.status().canMoveTo(status)) {
                continue;
            }
            options.add(Map.entry(status.name(), status.label()));
            custom.stream().filter(s -> s.active() && s.category() == status)
                    .forEach(s -> options.add(Map.entry("custom-" + s.id(), status.label() + ": " + s.name())));
        }
        return options;
    }

    /** The agents, teams, custom statuses and types a page needs, each read once per request. */
    private record Lists(List<Agent> agents, List<Team> teams, List<CustomStatuses.CustomStatus> statuses,
                         List<TicketTypes.TicketType> types) {
    }

    private Lists lists() {
        return new Lists(agents.list(), teams.list(), statuses.all(), types.all());
    }

    private Timeline.Names names(Ticket ticket, Lists lists, String requesterName) {
        Map<Long, String> agentNames = lists.agents().stream()
                .collect(Collectors.toMap(a -> a.id().value(), Agent::name, (a, b) -> a));
        Map<Long, String> teamNames = lists.teams().stream()
                .collect(Collectors.toMap(t -> t.id().value(), Team::name, (a, b) -> a));
        Map<Long, String> statusNames = lists.statuses().stream()
                .collect(Collectors.toMap(CustomStatuses.CustomStatus::id, CustomStatuses.CustomStatus::name));
        Map<String, String> typeNames = lists.types().stream()
                .collect(Collectors.toMap(TicketTypes.TicketType::key, TicketTypes.TicketType::name));
        return new Timeline.Names(agentNames, teamNames, Map.of(ticket.requester().value(), requesterName), statusNames,
                typeNames, actorNames.rules());
    }
}
