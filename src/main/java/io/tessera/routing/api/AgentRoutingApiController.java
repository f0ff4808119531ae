package io.tessera.routing.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.tessera.identity.SignedInAgent;
import io.tessera.routing.Assignments;
import io.tessera.routing.Availability;
import io.tessera.routing.InvalidRouting;
import io.tessera.routing.Shift;
import io.tessera.routing.api.RoutingApiErrors.AdminOnlyField;
import io.tessera.shared.AgentId;

/**
 * An agent's routing settings: {@code /api/v1/agents/{id}/availability} (an agent reads and sets their own
 * status and shift; capacity and everyone else's settings are for admins), {@code …/skills} (admins set
 * them, an agent may read their own) and {@code POST …/reassign} (admins).
 */
@RestController
@RequestMapping("/api/v1/agents/{id}")
class AgentRoutingApiController {

    private static final Set<String> AVAILABILITY_FIELDS = Set.of("status", "capacity", "shift");
    private static final Set<String> SHIFT_FIELDS = Set.of("start", "end", "zone");

    private final Assignments assignments;

    AgentRoutingApiController(Assignments assignments) {
        this.assignments = assignments;
    }

    record ShiftJson(String start, String end, String zone) {
        static ShiftJson of(Shift shift) {
            return shift == null ? null : new ShiftJson(shift.startText(), shift.endText(), shift.zone().getId());
        }
    }

    /** {@code load} and {@code assignableNow} are read-only: what routing sees right now. */
    record AvailabilityResponse(long agentId, String status, Integer capacity, ShiftJson shift, int load,
                                boolean assignableNow) {
    }

    record SkillsResponse(long agentId, List<String> skills) {
    }

    record ReassignResponse(int reassigned) {
    }

    @GetMapping("/availability")
    AvailabilityResponse availability(@PathVariable long id, @AuthenticationPrincipal SignedInAgent me) {
        requireSelfOrAdmin(id, me);
        return response(id, assignments.availability(AgentId.of(id)));
    }

    /**
     * Replaces the fields sent; a field left out keeps its value, so an agent going away sends only
     * {@code {"status":"AWAY"}}. {@code "capacity":null} removes the cap, {@code "shift":null} the shift.
     */
    @PutMapping("/availability")
    AvailabilityResponse setAvailability(@PathVariable long id, @RequestBody(required = false) Map<String, Object> body,
                                         @AuthenticationPrincipal SignedInAgent me) {
        requireSelfOrAdmin(id, me);
        AgentId agent = AgentId.of(id);
        Availability current = assignments.availability(agent);
        JsonFields fields = JsonFields.of(body, AVAILABILITY_FIELDS);
        Availability.Status status = fields.has("status") ? status(fields.text("status")) : current.status();
        Integer capacity = fields.has("capacity") ? fields.integer("capacity") : current.capacity();
        Shift shift = fields.has("shift") ? shift(fields.object("shift", SHIFT_FIELDS)) : current.shift();
        if (!me.isAdmin() && !Objects.equals(capacity, current.capacity())) {
            // An agent's cap protects them and the team's balance; setting it is the admin's call.
            throw new AdminOnlyField("capacity", "Only admins set an agent's capacity.");
        }
        Availability saved = assignments.setAvailability(agent, new Availability(status, capacity, shift), me.initiator());
        return response(id, saved);
    }

    @GetMapping("/skills")
    SkillsResponse skills(@PathVariable long id, @AuthenticationPrincipal SignedInAgent me) {
        requireSelfOrAdmin(id, me);
        return new SkillsResponse(id, List.copyOf(assignments.skills(AgentId.of(id))));
    }

    @PutMapping("/skills")
    @PreAuthorize("hasRole('ADMIN')")
    SkillsResponse setSkills(@PathVariable long id, @RequestBody(required = false) Map<String, Object> body,
                             @AuthenticationPrincipal SignedInAgent me) {
        List<String> skills = JsonFields.of(body, Set.of("skills")).texts("skills");
        if (skills == null) {
            throw new InvalidRouting("skills", "Give the skills as a list, e.g. [\"billing\", \"lang:de\"]; [] for none.");
        }
        Set<String> saved = assignments.setSkills(AgentId.of(id), new TreeSet<>(skills), me.initiator());
        return new SkillsResponse(id, List.copyOf(saved));
    }

    /** Moves the agent's unsolved tickets to their teams' other members (or unassigns them); see docs/routing.md. */
    @PostMapping("/reassign")
    @PreAuthorize("hasRole('ADMIN')")
    ReassignResponse reassign(@PathVariable long id, @AuthenticationPrincipal SignedInAgent me) {
        return new ReassignResponse(assignments.reassignAll(AgentId.of(id), me.actor()));
    }

    private AvailabilityResponse response(long id, Availability availability) {
        AgentId agent = AgentId.of(id);
        return new AvailabilityResponse(id, availability.status().name(), availability.capacity(),
                ShiftJson.of(availability.shift()), assignments.load(agent), assignments.assignableNow(agent));
    }

    private static void requireSelfOrAdmin(long id, SignedInAgent me) {
        if (!me.isAdmin() && me.id().value() != id) {
            throw new AccessDeniedException("Only admins see and change other agents' routing settings.");
        }
    }

    private static Availability.Status status(String value) {
        try {
            return Availability.Status.valueOf(value == null ? "" : value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRouting("status", "Status must be ONLINE, AWAY or OFFLINE.");
        }
    }

    private static Shift shift(JsonFields shift) {
        return shift == null ? null : Shift.parse(shift.text("start"), shift.text("end"), shift.text("zone"));
    }
}
