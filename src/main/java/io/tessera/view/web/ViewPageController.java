package io.tessera.view.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.SignedInAgent;
import io.tessera.identity.TeamManagement;
import io.tessera.ticket.Priority;
import io.tessera.ticket.TicketPage;
import io.tessera.ticket.TicketQueries;
import io.tessera.ticket.TicketStatus;
import io.tessera.ticket.TicketSummary;
import io.tessera.view.View;
import io.tessera.view.ViewLists;
import io.tessera.view.Views;

/**
 * The agent workspace: the sidebar of views with their counts, and one view's tickets, 50 to a page, with
 * the bulk-action bar. {@code /} shows the default view ("All open") so the workspace opens on everything
 * the agent may see that still needs work; {@code /sidebar} re-renders only the sidebar (htmx refresh).
 */
@Controller
class ViewPageController {

    static final int PAGE_SIZE = 50;

    private final Views views;
    private final ViewLists lists;
    private final Sidebar sidebar;
    private final TicketQueries queries;
    private final AgentManagement agents;
    private final TeamManagement teams;

    ViewPageController(Views views, ViewLists lists, Sidebar sidebar, TicketQueries queries, AgentManagement agents,
                       TeamManagement teams) {
        this.views = views;
        this.lists = lists;
        this.sidebar = sidebar;
        this.queries = queries;
        this.agents = agents;
        this.teams = teams;
    }

    @GetMapping("/")
    String workspace(@RequestParam(required = false) String after, @AuthenticationPrincipal SignedInAgent me, Model model) {
        return show(views.builtIn(Views.DEFAULT), after, agents.get(me.id()), model);
    }

    @GetMapping("/views/{id}")
    String view(@PathVariable long id, @RequestParam(required = false) String after,
                @AuthenticationPrincipal SignedInAgent me, Model model) {
        Agent agent = agents.get(me.id());
        return show(views.get(id, agent), after, agent, model);
    }

    @GetMapping("/sidebar")
    String sidebar(@RequestParam(required = false) Long active, @AuthenticationPrincipal SignedInAgent me, Model model) {
        model.addAttribute("sidebar", sidebar.of(agents.get(me.id()), active == null ? -1 : active));
        model.addAttribute("activeView", active);
        return "view/sidebar :: sidebar";
    }

    private String show(View view, String after, Agent agent, Model model) {
        // A cursor that is not ours is a 400 page (ViewPageErrors), never an exception's text.
        TicketPage page = lists.page(view, agent, after, PAGE_SIZE);
        model.addAttribute("view", view);
        model.addAttribute("page", page);
        model.addAttribute("after", after);
        model.addAttribute("firstPage", after == null);
        model.addAttribute("tags", view.definition().shows(io.tessera.view.Column.TAGS)
                ? queries.tagsOf(page.tickets().stream().map(TicketSummary::id).toList()) : java.util.Map.of());
        model.addAttribute("mayEdit", views.mayEdit(view, agent));
        model.addAttribute("sidebar", sidebar.of(agent, view.id()));
        model.addAttribute("activeView", view.id());
        model.addAttribute("statuses", TicketStatus.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("agentChoices", agents.list().stream().filter(Agent::active).toList());
        model.addAttribute("teamChoices", teams.list());
        return "view/view";
    }
}
