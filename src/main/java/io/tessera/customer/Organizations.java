package io.tessera.customer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tessera.customer.CustomerEvents.OrganizationChanged;
import io.tessera.customer.CustomerEvents.OrganizationCreated;
import io.tessera.customer.internal.NameKey;
import io.tessera.customer.internal.OrganizationRepository;
import io.tessera.shared.Initiator;
import io.tessera.shared.OrganizationId;

/**
 * Organizations: name (unique, ignoring case), email domains (each claimed by one organization at most),
 * tier and notes. New customers on a claimed domain join its organization (see {@link Customers}).
 */
@Service
@Transactional
public class Organizations {

    private static final int MAX_DOMAINS = 50;

    private final OrganizationRepository organizations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Organizations(OrganizationRepository organizations, ApplicationEventPublisher events, Clock clock) {
        this.organizations = organizations;
        this.events = events;
        this.clock = clock;
    }

    /** Splits domains as people type them: separated by commas, semicolons, spaces or lines. */
    public static List<String> splitDomains(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    @Transactional(readOnly = true)
    public Optional<Organization> find(OrganizationId id) {
        return organizations.findById(id);
    }

    @Transactional(readOnly = true)
    public Organization get(OrganizationId id) {
        return organizations.findById(id).orElseThrow(() -> new NotFound("No organization " + id));
    }

    @Transactional(readOnly = true)
    public Optional<OrganizationRef> findByName(String name) {
        return name == null || name.isBlank() ? Optional.empty() : organizations.findByName(name.trim());
    }

    /** The organization whose domain this address is on, if any organization claims it. */
    @Transactional(readOnly = true)
    public Optional<OrganizationRef> forEmail(String email) {
        String address = Fields.normalizeEmail(email);
        return address.contains("@") ? organizations.ownerOfDomain(Fields.domainOf(address)) : Optional.empty();
    }

    /** Organizations in name order, optionally those whose name or a domain starts with {@code query}. */
    @Transactional(readOnly = true)
    public CursorPage<Organization> page(String query, String cursor, int limit) {
        List<Organization> rows = organizations.page(query, NameKey.parse(cursor), limit + 1);
        if (rows.size() <= limit) {
            return new CursorPage<>(rows, null);
        }
        List<Organization> page = rows.subList(0, limit);
        Organization last = page.get(limit - 1);
        return new CursorPage<>(List.copyOf(page), new NameKey(last.name(), last.id().value()).encode());
    }

    /** Names for the organization picker of the customer form. */
    @Transactional(readOnly = true)
    public List<String> names(int limit) {
        return organizations.names(limit);
    }

    public Organization create(OrganizationDetails details, Initiator by) {
        Valid valid = validate(details, null);
        OrganizationId id = organizations.insert(valid.name(), valid.tier(), valid.notes(), clock.instant());
        organizations.replaceDomains(id, valid.domains());
        events.publishEvent(new OrganizationCreated(id, valid.name(), by));
        return get(id);
    }

    public Organization update(OrganizationId id, OrganizationDetails details, Initiator by) {
        Organization before = get(id);
        Valid valid = validate(details, id);
        organizations.update(id, valid.name(), valid.tier(), valid.notes());
        organizations.replaceDomains(id, valid.domains());
        List<String> described = new ArrayList<>();
        if (!valid.name().equals(before.name())) {
            described.add("renamed from " + before.name());
        }
        if (!Set.copyOf(valid.domains()).equals(Set.copyOf(before.domains()))) {
            described.add("domains " + String.join(", ", before.domains()) + " → " + String.join(", ", valid.domains()));
        }
        if (!Objects.equals(valid.tier(), before.tier())) {
            described.add("tier " + before.tier() + " → " + valid.tier());
        }
        if (!Objects.equals(valid.notes(), before.notes())) {
            described.add("notes changed");
        }
        if (!described.isEmpty()) {
            events.publishEvent(new OrganizationChanged(id, valid.name(), String.join(", ", described), by));
        }
        return get(id);
    }

    private record Valid(String name, List<String> domains, String tier, String notes) {
    }

    private Valid validate(OrganizationDetails details, OrganizationId self) {
        String name = Fields.required("name", details.name(), 200, "Enter a name.");
        organizations.findByName(name).filter(other -> !other.id().equals(self)).ifPresent(other -> {
            throw new AlreadyTaken("name", "An organization named " + other.name() + " already exists.", other.id().value());
        });
        Set<String> domains = new LinkedHashSet<>();
        for (String domain : details.domains() == null ? List.<String>of() : details.domains()) {
            if (domain != null && !domain.isBlank()) {
                domains.add(Fields.domain("domains", domain));
            }
        }
        if (domains.size() > MAX_DOMAINS) {
            throw new InvalidChange("domains", "Use at most " + MAX_DOMAINS + " domains.");
        }
        for (String domain : domains) {
            organizations.ownerOfDomain(domain).filter(other -> !other.id().equals(self)).ifPresent(other -> {
                throw new AlreadyTaken("domains", domain + " already belongs to " + other.name() + ".", other.id().value());
            });
        }
        return new Valid(name, List.copyOf(domains), Fields.optional("tier", details.tier(), 40),
                Fields.optional("notes", details.notes(), 4000));
    }
}
