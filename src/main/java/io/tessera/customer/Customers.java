package io.tessera.customer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tessera.customer.CustomerEvents.MergeRecorded;
import io.tessera.customer.internal.CustomerRepository;
import io.tessera.customer.internal.CustomerRepository.Row;
import io.tessera.customer.internal.NameKey;
import io.tessera.shared.CustomerId;
import io.tessera.shared.Initiator;
import io.tessera.shared.OrganizationId;

/**
 * Customers (requesters): create, change, find by any of their addresses, list, merge. Every address
 * belongs to one customer at most; a new customer on an organization's domain joins that organization.
 */
@Service
@Transactional
public class Customers {

    private static final int MAX_EMAILS = 20;

    private final CustomerRepository customers;
    private final Organizations organizations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Customers(CustomerRepository customers, Organizations organizations, ApplicationEventPublisher events, Clock clock) {
        this.customers = customers;
        this.organizations = organizations;
        this.events = events;
        this.clock = clock;
    }

    /** Creates an organization on behalf of the system; {@code domains} may list several, comma-separated. */
    public OrganizationId createOrganization(String name, String domains, String tier) {
        return organizations.create(new OrganizationDetails(name, Organizations.splitDomains(domains), tier, null),
                Initiator.system()).id();
    }

    /** Creates a customer with one address; without an organization, the address's domain may choose one. */
    public CustomerId create(String name, String email, String phone, OrganizationId organization) {
        return create(new CustomerDetails(name, email, List.of(), phone, organization, null, null, null, null)).id();
    }

    /**
     * Creates a customer. Without an organization, the customer joins the organization that claims the
     * primary address's domain, if one does.
     */
    public CustomerProfile create(CustomerDetails details) {
        Valid valid = validate(details, null);
        OrganizationId organization = valid.row().organization();
        if (organization == null) {
            organization = organizations.forEmail(valid.row().email()).map(OrganizationRef::id).orElse(null);
        }
        Row row = valid.row();
        Instant now = clock.instant();
        CustomerId id = customers.insert(new Row(row.name(), row.email(), row.phone(), organization, row.notes(),
                row.tier(), row.language(), row.timeZone()), now);
        customers.replaceEmails(id, valid.emails(), now);
        return get(id);
    }

    /**
     * Replaces a customer's profile with {@code details}: addresses left out are removed, new ones added.
     * The organization is exactly what is given (no domain matching: an agent may take a customer out).
     */
    public CustomerProfile update(CustomerId id, CustomerDetails details) {
        get(id);
        Valid valid = validate(details, id);
        customers.update(id, valid.row());
        customers.replaceEmails(id, valid.emails(), clock.instant());
        return get(id);
    }

    /**
     * The customer who writes from this address, created (with {@code name}, or the address's local part
     * when no name is known) if there is none yet. Used by every channel that receives a request. Any
     * of a customer's addresses finds them.
     */
    public Customer findOrCreate(String email, String name) {
        String address = Fields.email("email", email);
        return findByEmail(address).orElseGet(() -> {
            String display = name == null || Fields.storableName(name).isEmpty()
                    ? address.substring(0, Math.max(1, address.indexOf('@'))) : Fields.storableName(name);
            return find(create(display, address, null, null)).orElseThrow();
        });
    }

    /** The customer with this address, primary or not, ignoring case. */
    @Transactional(readOnly = true)
    public Optional<Customer> findByEmail(String email) {
        return customers.findByEmail(Fields.normalizeEmail(email));
    }

    @Transactional(readOnly = true)
    public Optional<Customer> find(CustomerId id) {
        return customers.find(id);
    }

    /** The full profile; a merged customer's id throws {@link MergedAway} naming where they went. */
    @Transactional(readOnly = true)
    public CustomerProfile get(CustomerId id) {
        return customers.findProfile(id).orElseThrow(() -> customers.mergedInto(id)
                .<NotFound>map(into -> new MergedAway(id, into))
                .orElseGet(() -> new NotFound("No customer " + id)));
    }

    /**
     * The tier and language rules' conditions look at, for a ticket's requester and organization: the
     * organization's tier when it has one, else the customer's own.
     */
    @Transactional(readOnly = true)
    public CustomerFacts facts(CustomerId customer, OrganizationId organization) {
        var profile = customers.findProfile(customer);
        String orgTier = organization == null ? null : organizations.find(organization).map(Organization::tier).orElse(null);
        String tier = orgTier != null ? orgTier : profile.map(CustomerProfile::tier).orElse(null);
        return new CustomerFacts(tier, profile.map(CustomerProfile::language).orElse(null));
    }

    /** Where a merged customer went, if {@code id} was merged into another customer. */
    @Transactional(readOnly = true)
    public Optional<CustomerId> mergedInto(CustomerId id) {
        return customers.mergedInto(id);
    }

    /**
     * Customers in name order, a page at a time: optionally those with a name word or an address
     * starting with {@code query}, optionally only the members of {@code organization}.
     */
    @Transactional(readOnly = true)
    public CursorPage<CustomerProfile> page(String query, OrganizationId organization, String cursor, int limit) {
        List<CustomerProfile> rows = customers.page(query, organization, NameKey.parse(cursor), limit + 1);
        if (rows.size() <= limit) {
            return new CursorPage<>(rows, null);
        }
        List<CustomerProfile> page = rows.subList(0, limit);
        CustomerProfile last = page.get(limit - 1);
        return new CursorPage<>(List.copyOf(page), new NameKey(last.name(), last.id().value()).encode());
    }

    /**
     * Merges the duplicate record {@code from} into {@code into}: its addresses move over, profile fields
     * the target lacks are taken from it, notes are appended, modules that refer to it follow through
     * {@link CustomersMerged}, and then it is deleted (its id keeps leading to {@code into}). One
     * transaction: if anything still refers to {@code from}, nothing happens.
     */
    public CustomerProfile merge(CustomerId from, CustomerId into, Initiator by) {
        if (from.equals(into)) {
            throw new InvalidChange("into", "Choose another customer to merge into.");
        }
        customers.lock(from.value() < into.value() ? List.of(from, into) : List.of(into, from));
        CustomerProfile source = get(from);
        CustomerProfile target = customers.findProfile(into).orElseThrow(() -> new InvalidChange("into",
                customers.mergedInto(into).map(c -> "That customer was merged into customer " + c + "; merge into that one.")
                        .orElse("There is no customer " + into + ".")));
        int moved = customers.moveEmails(from, into);
        customers.update(into, MergedProfile.of(target, source));
        events.publishEvent(new CustomersMerged(from, into, by));
        events.publishEvent(new MergeRecorded(from, describe(source), into, describe(target), moved, by));
        customers.recordMerge(from, into, clock.instant());
        customers.delete(from);
        return get(into);
    }

    private static String describe(CustomerProfile customer) {
        return customer.name() + " <" + customer.email() + ">";
    }

    private record Valid(Row row, List<String> emails) {
    }

    private Valid validate(CustomerDetails details, CustomerId self) {
        String name = Fields.required("name", details.name(), 200, "Enter a name.");
        String primary = Fields.email("email", details.email());
        Set<String> emails = new LinkedHashSet<>();
        emails.add(primary);
        for (String other : details.otherEmails() == null ? List.<String>of() : details.otherEmails()) {
            if (other != null && !other.isBlank()) {
                emails.add(Fields.email("emails", other));
            }
        }
        if (emails.size() > MAX_EMAILS) {
            throw new InvalidChange("emails", "Use at most " + MAX_EMAILS + " addresses.");
        }
        for (String email : emails) {
            customers.ownerOf(email).filter(owner -> !owner.equals(self)).ifPresent(owner -> {
                throw new AlreadyTaken(email.equals(primary) ? "email" : "emails",
                        "Another customer already uses " + email + ".", owner.value());
            });
        }
        OrganizationId organization = details.organization();
        if (organization != null && organizations.find(organization).isEmpty()) {
            throw new InvalidChange("organization", "There is no organization " + organization + ".");
        }
        Row row = new Row(name, primary, Fields.optional("phone", details.phone(), 60), organization,
                Fields.optional("notes", details.notes(), 4000), Fields.optional("tier", details.tier(), 40),
                Fields.language("language", details.language()), Fields.timeZone("timeZone", details.timeZone()));
        return new Valid(row, new ArrayList<>(emails));
    }
}
