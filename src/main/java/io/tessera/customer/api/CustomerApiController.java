package io.tessera.customer.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.tessera.customer.CustomerDetails;
import io.tessera.customer.CustomerProfile;
import io.tessera.customer.Customers;
import io.tessera.customer.InvalidChange;
import io.tessera.customer.api.ApiResponses.CustomerResponse;
import io.tessera.customer.api.ApiResponses.PageResponse;
import io.tessera.identity.SignedInAgent;
import io.tessera.shared.CustomerId;
import io.tessera.shared.OrganizationId;

/**
 * {@code /api/v1/customers}: list and search, create, read, change (partial), merge. Any agent may use
 * it (the API filter chain); merging needs a supervisor or admin, like on the pages.
 */
@RestController
@RequestMapping("/api/v1/customers")
class CustomerApiController {

    private static final Set<String> WRITABLE = Set.of("name", "email", "emails", "phone", "organizationId", "notes",
            "tier", "language", "timeZone");

    private final Customers customers;

    CustomerApiController(Customers customers) {
        this.customers = customers;
    }

    /** {@code emails} may list every address; {@code email} (or else the first of {@code emails}) is the primary. */
    record CreateCustomerRequest(String name, String email, List<String> emails, String phone, Long organizationId,
                                 String notes, String tier, String language, String timeZone) {
    }

    record MergeRequest(Long into) {
    }

    @GetMapping
    PageResponse<CustomerResponse> list(@RequestParam(required = false) String q,
                                        @RequestParam(required = false) Long organizationId,
                                        @RequestParam(required = false) String cursor,
                                        @RequestParam(defaultValue = "25") int limit) {
        return PageResponse.of(customers.page(q, organizationId == null ? null : OrganizationId.of(organizationId),
                cursor, Limits.check(limit)), CustomerResponse::of);
    }

    @PostMapping
    ResponseEntity<CustomerResponse> create(@RequestBody CreateCustomerRequest request) {
        List<String> emails = request.emails() == null ? List.of() : request.emails();
        String primary = request.email() != null ? request.email() : emails.stream().findFirst().orElse(null);
        CustomerProfile created = customers.create(new CustomerDetails(request.name(), primary, emails, request.phone(),
                request.organizationId() == null ? null : OrganizationId.of(request.organizationId()), request.notes(),
                request.tier(), request.language(), request.timeZone()));
        return ResponseEntity.created(URI.create("/api/v1/customers/" + created.id().value()))
                .body(CustomerResponse.of(created));
    }

    @GetMapping("/{id}")
    CustomerResponse get(@PathVariable long id) {
        return CustomerResponse.of(customers.get(CustomerId.of(id)));
    }

    /**
     * Changes only the fields in the body. {@code emails} replaces the whole list of addresses; changing
     * only {@code email} makes it the primary address and keeps the old primary as another address.
     */
    @PatchMapping("/{id}")
    CustomerResponse update(@PathVariable long id, @RequestBody(required = false) Map<String, Object> body) {
        CustomerProfile current = customers.get(CustomerId.of(id));
        Patch patch = Patch.of(body, WRITABLE);
        List<String> all = new ArrayList<>(patch.texts("emails", current.emails()));
        String primary;
        if (patch.has("email")) {
            primary = patch.text("email", current.email());
        } else if (all.stream().anyMatch(e -> e.trim().toLowerCase(Locale.ROOT).equals(current.email()))) {
            primary = current.email();
        } else {
            primary = all.stream().findFirst().orElse(null);
            if (primary == null) {
                throw new InvalidChange("emails", "A customer needs at least one email address.");
            }
        }
        Long organization = patch.id("organizationId",
                current.organization() == null ? null : current.organization().id().value());
        CustomerDetails changed = new CustomerDetails(patch.text("name", current.name()), primary, all,
                patch.text("phone", current.phone()), organization == null ? null : OrganizationId.of(organization),
                patch.text("notes", current.notes()), patch.text("tier", current.tier()),
                patch.text("language", current.language()), patch.text("timeZone", current.timeZone()));
        return CustomerResponse.of(customers.update(current.id(), changed));
    }

    /** Merges this customer into {@code into} and answers with the customer kept. */
    @PostMapping("/{id}/merge")
    @PreAuthorize("hasRole('SUPERVISOR')")
    CustomerResponse merge(@PathVariable long id, @RequestBody(required = false) MergeRequest request,
                           @AuthenticationPrincipal SignedInAgent me) {
        if (request == null || request.into() == null) {
            throw new InvalidChange("into", "Give the id of the customer to keep as into.");
        }
        return CustomerResponse.of(customers.merge(CustomerId.of(id), CustomerId.of(request.into()), me.initiator()));
    }
}
