package io.tessera.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.tessera.conversation.Conversations;
import io.tessera.conversation.MessageKind;
import io.tessera.customer.Customers;
import io.tessera.demo.DemoContent.AgentSpec;
import io.tessera.demo.DemoContent.Conversation;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.NewAgent;
import io.tessera.identity.PasswordPolicy;
import io.tessera.identity.Role;
import io.tessera.identity.Team;
import io.tessera.identity.TeamManagement;
import io.tessera.shared.Actor;
import io.tessera.shared.AgentId;
import io.tessera.shared.CustomerId;
import io.tessera.shared.Initiator;
import io.tessera.shared.OrganizationId;
import io.tessera.shared.TeamId;
import io.tessera.shared.TicketId;
import io.tessera.ticket.Channel;
import io.tessera.ticket.Priority;
import io.tessera.ticket.TicketImport;
import io.tessera.ticket.TicketManagement;
import io.tessera.ticket.TicketStatus;

/**
 * Loads the demo once, in one transaction, after the first admin exists. A marker in {@code setting}
 * keeps it from loading twice; an install that already has teams is never touched.
 */
@Component
@Order(10)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final String MARKER = "demo.loaded";
    private static final int TICKETS = 60;

    private final String setting;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AgentManagement agents;
    private final TeamManagement teams;
    private final Customers customers;
    private final TicketManagement tickets;
    private final Conversations conversations;
    private final DemoFields demoFields;
    private final DemoSla demoSla;
    private final Clock clock;

    DemoData(@Value("${tessera.demo:}") String setting, DataSource dataSource, JdbcClient jdbc,
             TransactionTemplate transactions, AgentManagement agents, TeamManagement teams, Customers customers,
             TicketManagement tickets, Conversations conversations, DemoFields demoFields, DemoSla demoSla,
             Clock clock) {
        this.demoFields = demoFields;
        this.demoSla = demoSla;
        this.setting = setting == null ? "" : setting.trim();
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.agents = agents;
        this.teams = teams;
        this.customers = customers;
        this.tickets = tickets;
        this.conversations = conversations;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!DemoDecision.wanted(setting, dataSource) || alreadyLoaded()) {
            return;
        }
        String password = PasswordPolicy.generate();
        int created = transactions.execute(status -> load(password));
        System.out.printf("%n  Demo data loaded: %d tickets. Demo agents (e.g. maya@tessera.localhost, supervisor;"
                + " tomas@tessera.localhost, agent) sign in with: %s%n", created, password);
        log.info("Demo data loaded ({} tickets)", created);
    }

    private boolean alreadyLoaded() {
        boolean marked = jdbc.sql("select count(*) from setting where name = ?").param(MARKER).query(Long.class).single() > 0;
        boolean hasTeams = jdbc.sql("select count(*) from team").query(Long.class).single() > 0;
        return marked || hasTeams;
    }

    private int load(String password) {
        Initiator system = Initiator.system();
        List<Team> newTeams = DemoContent.TEAMS.stream()
                .map(t -> teams.create(t.name(), t.description(), Set.of(), system)).toList();
        List<Agent> agentList = new ArrayList<>();
        for (AgentSpec spec : DemoContent.AGENTS) {
            Set<TeamId> memberOf = new HashSet<>();
            spec.teams().forEach(i -> memberOf.add(newTeams.get(i).id()));
            agentList.add(agents.create(new NewAgent(spec.email(), spec.name(), Role.valueOf(spec.role()), memberOf,
                    password), system).agent());
        }
        // Read the teams back: they have members now.
        List<Team> teamList = newTeams.stream().map(t -> teams.get(t.id())).toList();
        List<OrganizationId> orgs = DemoContent.ORGANIZATIONS.stream()
                .map(o -> customers.createOrganization(o.name(), o.domain(), o.tier())).toList();
        Random random = new Random(42);
        List<CustomerId> people = new ArrayList<>();
        List<OrganizationId> peopleOrgs = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String first = DemoContent.FIRST_NAMES.get(i);
            String last = DemoContent.LAST_NAMES.get(random.nextInt(DemoContent.LAST_NAMES.size()));
            // Most customers belong to an organization; a few write in from personal addresses.
            OrganizationId org = i < 24 ? orgs.get(i % orgs.size()) : null;
            String domain = org == null ? "mail.example" : DemoContent.ORGANIZATIONS.get(i % orgs.size()).domain();
            String email = (first + "." + last).toLowerCase().replaceAll("[^a-z.]", "") + "@" + domain;
            people.add(customers.create(first + " " + last, email, null, org));
            peopleOrgs.add(org);
        }
        TicketStatus[] statuses = statusMix();
        Instant now = clock.instant();
        List<TicketId> imported = new ArrayList<>();
        for (int i = 0; i < TICKETS; i++) {
            Conversation c = DemoContent.CONVERSATIONS.get(i % DemoContent.CONVERSATIONS.size());
            int who = random.nextInt(people.size());
            Team team = teamList.stream().filter(t -> t.name().equals(c.team())).findFirst().orElseThrow();
            TicketStatus status = statuses[i];
            AgentId assignee = status == TicketStatus.NEW ? null : pickMember(team, agentList, random);
            int age = 30 + random.nextInt(60 * 24 * 28);
            // New tickets are the recent ones (their first-response clocks run); the rest spread over four weeks.
            Instant created = now.minus(Duration.ofMinutes(status == TicketStatus.NEW ? 20 + age % 600 : age));
            Instant replied = created.plus(Duration.ofMinutes(20 + random.nextInt(240)));
            Instant followUp = replied.plus(Duration.ofMinutes(30 + random.nextInt(600)));
            Instant closing = followUp.plus(Duration.ofMinutes(30 + random.nextInt(600)));
            Instant updated = switch (status) {
                case NEW -> created;
                case OPEN -> c.followUp().isEmpty() ? replied : followUp;
                case PENDING, ON_HOLD -> replied;
                case SOLVED, CLOSED -> closing;
            };
            if (updated.isAfter(now)) {
                updated = now;
            }
            Priority priority = Priority.values()[random.nextInt(10) < 6 ? 1 : random.nextInt(4)];
            Channel channel = List.of(Channel.EMAIL, Channel.EMAIL, Channel.EMAIL, Channel.WEB, Channel.PHONE, Channel.CHAT)
                    .get(random.nextInt(6));
            TicketId ticket = tickets.importTicket(new TicketImport(c.subject(), people.get(who), peopleOrgs.get(who),
                    team.id(), assignee, status, priority, "question", channel, created, updated,
                    status == TicketStatus.NEW ? null : replied,
                    status == TicketStatus.SOLVED || status == TicketStatus.CLOSED ? closing : null,
                    status == TicketStatus.CLOSED ? closing : null), Actor.customer(people.get(who).value())).id();
            imported.add(ticket);
            Actor customer = Actor.customer(people.get(who).value());
            conversations.importMessage(ticket, MessageKind.CUSTOMER_MESSAGE, customer, c.question(), channel, created);
            if (status == TicketStatus.NEW) {
                continue;
            }
            Actor agent = Actor.agent(assignee);
            if (!c.note().isEmpty() && random.nextBoolean()) {
                conversations.importMessage(ticket, MessageKind.INTERNAL_NOTE, agent, c.note(), channel, replied.minusSeconds(60));
            }
            conversations.importMessage(ticket, MessageKind.PUBLIC_REPLY, agent, c.reply(), channel, replied);
            if (status == TicketStatus.OPEN || status == TicketStatus.SOLVED || status == TicketStatus.CLOSED) {
                conversations.importMessage(ticket, MessageKind.CUSTOMER_MESSAGE, customer, c.followUp(), channel, followUp);
            }
            if (status == TicketStatus.SOLVED || status == TicketStatus.CLOSED) {
                conversations.importMessage(ticket, MessageKind.PUBLIC_REPLY, agent, c.closing(), channel, closing);
            }
        }
        demoFields.load(system);
        demoSla.load(imported, system);
        jdbc.sql("insert into setting (name, setting_value) values (?, ?)").params(MARKER, now.toString()).update();
        return TICKETS;
    }

    /** Every status appears, roughly as a real queue looks: many open and pending, some on hold. */
    private static TicketStatus[] statusMix() {
        TicketStatus[] mix = new TicketStatus[TICKETS];
        int[] counts = {8, 16, 10, 4, 12, 10};
        int index = 0;
        for (int s = 0; s < counts.length; s++) {
            for (int n = 0; n < counts[s]; n++) {
                mix[index++] = TicketStatus.values()[s];
            }
        }
        return mix;
    }

    private static AgentId pickMember(Team team, List<Agent> agents, Random random) {
        List<Agent> members = agents.stream().filter(a -> team.memberIds().contains(a.id())).toList();
        return members.get(random.nextInt(members.size())).id();
    }
}
