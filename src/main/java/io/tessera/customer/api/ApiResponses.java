package io.tessera.customer.api;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.tessera.customer.CursorPage;
import io.tessera.customer.CustomerProfile;
import io.tessera.customer.Organization;
import io.tessera.customer.OrganizationRef;

/**
 * The JSON shapes of the customer API. Empty fields are written as {@code null} rather than left out
 * (the application default), so clients see every field the API has.
 */
final class ApiResponses {

    private ApiResponses() {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PageResponse<T>(List<T> items, String next) {
        static <S, T> PageResponse<T> of(CursorPage<S> page, Function<S, T> mapper) {
            return new PageResponse<>(page.items().stream().map(mapper).toList(), page.next());
        }
    }

    record OrganizationLink(long id, String name) {
        static OrganizationLink of(OrganizationRef ref) {
            return ref == null ? null : new OrganizationLink(ref.id().value(), ref.name());
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CustomerResponse(long id, String name, String email, List<String> emails, String phone,
                            OrganizationLink organization, String notes, String tier, String language, String timeZone,
                            Instant createdAt) {
        static CustomerResponse of(CustomerProfile c) {
            return new CustomerResponse(c.id().value(), c.name(), c.email(), c.emails(), c.phone(),
                    OrganizationLink.of(c.organization()), c.notes(), c.tier(), c.language(), c.timeZone(), c.createdAt());
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record OrganizationResponse(long id, String name, List<String> domains, String tier, String notes, Instant createdAt) {
        static OrganizationResponse of(Organization o) {
            return new OrganizationResponse(o.id().value(), o.name(), o.domains(), o.tier(), o.notes(), o.createdAt());
        }
    }
}
