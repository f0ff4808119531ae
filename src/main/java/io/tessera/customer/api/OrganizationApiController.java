package io.tessera.customer.api;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.tessera.customer.Organization;
import io.tessera.customer.OrganizationDetails;
import io.tessera.customer.Organizations;
import io.tessera.customer.api.ApiResponses.OrganizationResponse;
import io.tessera.customer.api.ApiResponses.PageResponse;
import io.tessera.identity.SignedInAgent;
import io.tessera.shared.OrganizationId;

/** {@code /api/v1/organizations}: list and search, create, read, change (partial). */
@RestController
@RequestMapping("/api/v1/organizations")
class OrganizationApiController {

    private static final Set<String> WRITABLE = Set.of("name", "domains", "tier", "notes");

    private final Organizations organizations;

    OrganizationApiController(Organizations organizations) {
        this.organizations = organizations;
    }

    record CreateOrganizationRequest(String name, List<String> domains, String tier, String notes) {
    }

    @GetMapping
    PageResponse<OrganizationResponse> list(@RequestParam(required = false) String q,
                                            @RequestParam(required = false) String cursor,
                                            @RequestParam(defaultValue = "25") int limit) {
        return PageResponse.of(organizations.page(q, cursor, Limits.check(limit)), OrganizationResponse::of);
    }

    @PostMapping
    ResponseEntity<OrganizationResponse> create(@RequestBody CreateOrganizationRequest request,
                                                @AuthenticationPrincipal SignedInAgent me) {
        Organization created = organizations.create(new OrganizationDetails(request.name(), request.domains(),
                request.tier(), request.notes()), me.initiator());
        return ResponseEntity.created(URI.create("/api/v1/organizations/" + created.id().value()))
                .body(OrganizationResponse.of(created));
    }

    @GetMapping("/{id}")
    OrganizationResponse get(@PathVariable long id) {
        return OrganizationResponse.of(organizations.get(OrganizationId.of(id)));
    }

    /** Changes only the fields in the body; {@code domains} replaces the whole list. */
    @PatchMapping("/{id}")
    OrganizationResponse update(@PathVariable long id, @RequestBody(required = false) Map<String, Object> body,
                                @AuthenticationPrincipal SignedInAgent me) {
        Organization current = organizations.get(OrganizationId.of(id));
        Patch patch = Patch.of(body, WRITABLE);
        OrganizationDetails changed = new OrganizationDetails(patch.text("name", current.name()),
                patch.texts("domains", current.domains()), patch.text("tier", current.tier()),
                patch.text("notes", current.notes()));
        return OrganizationResponse.of(organizations.update(current.id(), changed, me.initiator()));
    }
}
