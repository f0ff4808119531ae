package io.tessera.sla;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.springframework.stereotype.Component;

import io.tessera.shared.TicketId;
import io.tessera.ticket.TicketApiExtension;

/**
 * The {@code sla} object of the ticket API: {@code {"policy": "Standard", "firstResponse": {"dueAt": …,
 * "paused": false, "achieved": false, "breached": false, …}, "nextResponse": null, "resolution": {…}}};
 * {@code null} for a ticket no policy applies to.
 */
@Component
class SlaTicketJson implements TicketApiExtension {

    private final SlaClocks clocks;

    SlaTicketJson(SlaClocks clocks) {
        this.clocks = clocks;
    }

    @Override
    public String key() {
        return "sla";
    }

    /** Written with every property, {@code null} included, as the rest of the ticket JSON is. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Sla(String policy, Target firstResponse, Target nextResponse, Target resolution) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Target(int targetMinutes, boolean businessHours, Instant dueAt, boolean paused, boolean achieved,
                  Instant achievedAt, boolean breached, Instant breachedAt) {
        static Target of(TicketSla.Target t) {
            return t == null ? null : new Target(t.targetMinutes(), t.businessHours(), t.dueAt(), t.paused(), t.achieved(),
                    t.achievedAt(), t.breached(), t.breachedAt());
        }
    }

    @Override
    public Map<TicketId, Object> describe(Collection<TicketId> tickets) {
        Map<TicketId, Object> described = new HashMap<>();
        clocks.of(tickets).forEach((ticket, sla) -> described.put(ticket, new Sla(sla.policy(),
                Target.of(sla.targets().get(SlaMetric.FIRST_RESPONSE)), Target.of(sla.targets().get(SlaMetric.NEXT_RESPONSE)),
                Target.of(sla.targets().get(SlaMetric.RESOLUTION)))));
        return described;
    }
}
