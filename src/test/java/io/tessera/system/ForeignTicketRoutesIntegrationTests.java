package io.tessera.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.tessera.conversation.BodyFormat;
import io.tessera.conversation.Conversations;
import io.tessera.customer.Customers;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.ApiTokens;
import io.tessera.identity.Role;
import io.tessera.identity.Team;
import io.tessera.identity.TeamManagement;
import io.tessera.shared.Actor;
import io.tessera.shared.Initiator;
import io.tessera.testing.Agents;
import io.tessera.testing.ApiClient;
import io.tessera.testing.HttpSession;
import io.tessera.testing.IntegrationTest;
import io.tessera.ticket.Channel;
import io.tessera.ticket.NewTicket;
import io.tessera.ticket.Priority;
import io.tessera.ticket.Ticket;

/**
 * Every GET route of every module that takes a ticket number, walked with a ticket the agent may not
 * see: each answers 404, exactly as for a ticket that does not exist — never a 5xx (the SLA card once
 * answered 500 with a stack trace) and never the ticket's data. New routes are covered as they are
 * added, because the list comes from the application's own handler mappings.
 */
@IntegrationTest
class ForeignTicketRoutesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    AgentManagement agents;

    @Autowired
    TeamManagement teams;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Customers customers;

    @Autowired
    Conversations conversations;

    @Test
    void everyTicketRouteAnswers404ForATicketOfAnotherTeam() {
        Team owners = teams.create("Owners " + System.nanoTime(), "", Set.of(), Initiator.system());
        Team others = teams.create("Others " + System.nanoTime(), "", Set.of(), Initiator.system());
        var requester = customers.findOrCreate("foreign" + System.nanoTime() + "@example.test", "For Eign");
        Ticket ticket = conversations.open(new NewTicket("Not yours", requester.id(), Channel.EMAIL, Priority.NORMAL, null,
                owners.id(), null, Set.of(), null), "Private", BodyFormat.TEXT, Actor.customer(requester.id().value()), null);
        Agent outsider = Agents.create(agents, Role.AGENT, Set.of(others.id()));
        String token = tokens.create(outsider.id(), "walk", Initiator.system()).secret();
        HttpSession browser = new HttpSession(port);
        browser.signIn(outsider.email(), Agents.PASSWORD, false);
        ApiClient api = new ApiClient(port);

        List<String> routes = ticketRoutes();
        assertThat(routes).as("the walk finds the routes").contains("/tickets/{number}", "/tickets/{number}/sla")
                .anyMatch(route -> route.startsWith("/api/v1/tickets/"));
        List<String> wrong = new ArrayList<>();
        for (String route : routes) {
            String path = route.replaceFirst("\\{[^}]+}", String.valueOf(ticket.number())).replaceAll("\\{[^}]+}", "1");
            int status = route.startsWith("/api/") ? api.get(path, ApiClient.bearer(token)).statusCode() : browser.get(path).status();
            if (status != 404) {
                wrong.add(route + " -> " + status);
            }
        }
        assertThat(wrong).isEmpty();
    }

    private List<String> ticketRoutes() {
        Set<String> routes = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                return;
            }
            for (String pattern : info.getPatternValues()) {
                if (pattern.matches("(/api/v1)?/tickets/\\{[^}]+}.*")) {
                    routes.add(pattern);
                }
            }
        });
        return new ArrayList<>(routes);
    }
}
