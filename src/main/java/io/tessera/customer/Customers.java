package io.tessera.customer;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tessera.shared.CustomerId;
import io.tessera.shared.OrganizationId;

/**
 * Customers and organizations. The full profile (several emails, merge, auto-assignment by domain) comes
 * with the tickets issue; this is what the first tickets need: find or create by email.
 */
@Service
@Transactional
public class Customers {

    private final JdbcClient jdbc;
    private final Clock clock;

    Customers(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public OrganizationId createOrganization(String name, String domains, String tier) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into organization (name, domains, tier, created_at) values (?, ?, ?, ?)")
                .params(name, domains, tier, clock.instant().atOffset(ZoneOffset.UTC)).update(keys, "id");
        return OrganizationId.of(keys.getKey().longValue());
    }

    public CustomerId create(String name, String email, String phone, OrganizationId organization) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into customer (name, email, phone, organization_id, created_at) values (?, ?, ?, ?, ?)")
                .params(name, normalize(email), phone, organization == null ? null : organization.value(),
                        clock.instant().atOffset(ZoneOffset.UTC))
                .update(keys, "id");
        return CustomerId.of(keys.getKey().longValue());
    }

    /**
     * The customer who writes from this address, created (with {@code name}, or the address's local part
     * when no name is known) if there is none yet. Used by every channel that receives a request.
     */
    public Customer findOrCreate(String email, String name) {
        String address = normalize(email);
        return findByEmail(address).orElseGet(() -> {
            String display = name == null || name.isBlank() ? address.substring(0, Math.max(1, address.indexOf('@'))) : name.trim();
            return find(create(display, address, null, null)).orElseThrow();
        });
    }

    @Transactional(readOnly = true)
    public Optional<Customer> findByEmail(String email) {
        return jdbc.sql("select id, name, email, organization_id from customer where email = ?").param(normalize(email))
                .query((rs, n) -> {
                    long org = rs.getLong("organization_id");
                    OrganizationId organization = rs.wasNull() ? null : OrganizationId.of(org);
                    return new Customer(CustomerId.of(rs.getLong("id")), rs.getString("name"), rs.getString("email"),
                            organization);
                }).optional();
    }

    @Transactional(readOnly = true)
    public Optional<Customer> find(CustomerId id) {
        return jdbc.sql("select id, name, email, organization_id from customer where id = ?").param(id.value())
                .query((rs, n) -> {
                    long org = rs.getLong("organization_id");
                    OrganizationId organization = rs.wasNull() ? null : OrganizationId.of(org);
                    return new Customer(CustomerId.of(rs.getLong("id")), rs.getString("name"), rs.getString("email"),
                            organization);
                }).optional();
    }

    private static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
