package io.tessera.sla;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tessera.shared.TicketId;

/** Reads tickets' SLA clocks: for the ticket page, the API's {@code sla} object and reports. */
@Service
@Transactional(readOnly = true)
public class SlaClocks {

    private final ClockRepository clocks;
    private final PolicyCache cache;
    private final SlaScanner scanner;
    private final ClockKeeper keeper;

    SlaClocks(ClockRepository clocks, PolicyCache cache, SlaScanner scanner, ClockKeeper keeper) {
        this.clocks = clocks;
        this.cache = cache;
        this.scanner = scanner;
        this.keeper = keeper;
    }

    /**
     * Starts or updates the clocks of a ticket that came in without its changes being seen (imported
     * history, demo data): the policy that applies now, counted from the ticket's creation.
     */
    @Transactional
    public void recalculate(TicketId ticket) {
        keeper.recalculate(ticket);
    }

    public Optional<TicketSla> of(TicketId ticket) {
        return Optional.ofNullable(of(List.of(ticket)).get(ticket));
    }

    /** The SLAs of a page of tickets in two queries; tickets without clocks are absent. */
    public Map<TicketId, TicketSla> of(Collection<TicketId> tickets) {
        Map<TicketId, List<SlaClock>> byTicket = clocks.of(tickets);
        if (byTicket.isEmpty()) {
            return Map.of();
        }
        Map<Long, SlaPolicy> names = cache.get().byId();
        Map<TicketId, TicketSla> result = new HashMap<>();
        byTicket.forEach((ticket, list) -> {
            Map<SlaMetric, TicketSla.Target> targets = new EnumMap<>(SlaMetric.class);
            Long policy = null;
            for (SlaClock c : list) {
                targets.put(c.metric(), TicketSla.Target.of(c));
                if (c.policyId() != null) {
                    policy = c.policyId();
                }
            }
            SlaPolicy named = policy == null ? null : names.get(policy);
            result.put(ticket, new TicketSla(named == null ? null : named.name(), targets));
        });
        return result;
    }

    /** Fires the warnings and breaches due now, as the scheduled scan does (tests, benchmarks, operators). */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NEVER)
    public int scanNow() {
        return scanner.scan();
    }
}
