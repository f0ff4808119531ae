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
    private final SlaRepository repository;
    private final SlaScanner scanner;

    SlaClocks(ClockRepository clocks, SlaRepository repository, SlaScanner scanner) {
        this.clocks = clocks;
        this.repository = repository;
        this.scanner = scanner;
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
        Map<Long, String> names = repository.policyNames();
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
            result.put(ticket, new TicketSla(policy == null ? null : names.get(policy), targets));
        });
        return result;
    }

    /** Fires the warnings and breaches due now, as the scheduled scan does (tests, benchmarks, operators). */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NEVER)
    public int scanNow() {
        return scanner.scan();
    }
}
