package io.tessera.demo;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.tessera.shared.Initiator;
import io.tessera.shared.TicketId;
import io.tessera.sla.BusinessCalendars;
import io.tessera.sla.CalendarDraft;
import io.tessera.sla.SlaClocks;
import io.tessera.sla.SlaPolicies;
import io.tessera.sla.SlaPolicyDraft;
import io.tessera.sla.SlaPolicyDraft.TargetRow;
import io.tessera.sla.StoredCalendar;

/**
 * The demo's SLA: an office-hours calendar and one policy for every ticket with targets per priority
 * (urgent in calendar time, the rest in business hours), so a new install shows clocks running, paused
 * and breached in its lists and on its tickets.
 */
@Component
class DemoSla {

    private static final List<String> DAY = List.of("08:00-18:00");

    private final BusinessCalendars calendars;
    private final SlaPolicies policies;
    private final SlaClocks clocks;

    DemoSla(BusinessCalendars calendars, SlaPolicies policies, SlaClocks clocks) {
        this.calendars = calendars;
        this.policies = policies;
        this.clocks = clocks;
    }

    void load(List<TicketId> tickets, Initiator by) {
        StoredCalendar office = calendars.create(new CalendarDraft("Office hours", "Europe/Berlin",
                Map.of("monday", DAY, "tuesday", DAY, "wednesday", DAY, "thursday", DAY, "friday", DAY),
                List.of("2026-12-24", "2026-12-25", "2026-12-26", "2027-01-01")), by);
        policies.create(new SlaPolicyDraft("Standard", "Every ticket: answer fast, solve within the week.", true,
                List.of(), List.of(), office.id(), 30, List.of(
                        new TargetRow("urgent", "first_response", 60, false),
                        new TargetRow("urgent", "next_response", 60, false),
                        new TargetRow("urgent", "resolution", 8 * 60, false),
                        new TargetRow("high", "first_response", 4 * 60, true),
                        new TargetRow("high", "next_response", 4 * 60, true),
                        new TargetRow("high", "resolution", 2 * 10 * 60, true),
                        new TargetRow("normal", "first_response", 8 * 60, true),
                        new TargetRow("normal", "next_response", 8 * 60, true),
                        new TargetRow("normal", "resolution", 5 * 10 * 60, true),
                        new TargetRow("low", "first_response", 2 * 10 * 60, true),
                        new TargetRow("low", "resolution", 10 * 10 * 60, true))), by);
        tickets.forEach(clocks::recalculate);
    }
}
