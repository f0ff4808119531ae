package io.tessera.customer.internal;

import static io.tessera.customer.internal.Timestamps.fromDb;
import static io.tessera.customer.internal.Timestamps.toDb;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.tessera.customer.Organization;
import io.tessera.customer.OrganizationRef;
import io.tessera.shared.OrganizationId;

/** SQL for {@code organization} and {@code organization_domain}. Domains arrive lower-cased. */
@Repository
public class OrganizationRepository {

    private final JdbcClient jdbc;

    OrganizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public OrganizationId insert(String name, String tier, String notes, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into organization (name, tier, notes, created_at) values (?, ?, ?, ?)")
                .params(name, tier, notes, toDb(now)).update(keys, "id");
        return OrganizationId.of(keys.getKey().longValue());
    }

    public void update(OrganizationId id, String name, String tier, String notes) {
        jdbc.sql("update organization set name = ?, tier = ?, notes = ? where id = ?")
                .params(name, tier, notes, id.value()).update();
    }

    /** Makes {@code domains} the organization's domains: removes the others, adds the new ones. */
    public void replaceDomains(OrganizationId id, List<String> domains) {
        List<String> current = domains(id);
        for (String old : current) {
            if (!domains.contains(old)) {
                jdbc.sql("delete from organization_domain where domain = ?").param(old).update();
            }
        }
        for (String domain : domains) {
            if (!current.contains(domain)) {
                jdbc.sql("insert into organization_domain (domain, organization_id) values (?, ?)")
                        .params(domain, id.value()).update();
            }
        }
    }

    public boolean exists(OrganizationId id) {
        return jdbc.sql("select count(*) from organization where id = ?").param(id.value()).query(Long.class).single() > 0;
    }

    /** The organization with this name, ignoring case. */
    public Optional<OrganizationRef> findByName(String name) {
        return jdbc.sql("select id, name from organization where lower(name) = lower(?)").param(name)
                .query((rs, n) -> new OrganizationRef(OrganizationId.of(rs.getLong("id")), rs.getString("name")))
                .optional();
    }

    /** The organization that claims this email domain. */
    public Optional<OrganizationRef> ownerOfDomain(String domain) {
        return jdbc.sql("select o.id, o.name from organization_domain d join organization o on o.id = d.organization_id "
                        + "where d.domain = ?").param(domain)
                .query((rs, n) -> new OrganizationRef(OrganizationId.of(rs.getLong("id")), rs.getString("name")))
                .optional();
    }

    public Optional<Organization> findById(OrganizationId id) {
        return withDomains(jdbc.sql("select id, name, tier, notes, created_at from organization where id = ?")
                .param(id.value()).query(this::organization).list()).stream().findFirst();
    }

    /** Up to {@code limit} organizations after {@code after} in (name, id) order, optionally by name or domain prefix. */
    public List<Organization> page(String query, NameKey after, int limit) {
        StringBuilder sql = new StringBuilder("select o.id, o.name, o.tier, o.notes, o.created_at from organization o where 1 = 1 ");
        Map<String, Object> params = new HashMap<>();
        if (query != null && !query.isBlank()) {
            sql.append("and (o.name ilike :prefix or o.name ilike :wordPrefix or exists (select 1 from organization_domain d "
                    + "where d.organization_id = o.id and d.domain like :domainPrefix)) ");
            params.put("prefix", SearchPrefix.startsWith(query.trim()));
            params.put("wordPrefix", SearchPrefix.wordStartsWith(query.trim()));
            params.put("domainPrefix", SearchPrefix.startsWith(SearchPrefix.lower(query.trim())));
        }
        if (after != null) {
            // Implied by the next condition; lets PostgreSQL seek to the cursor (see TicketQueries.page).
            sql.append("and o.name >= :afterName ");
            sql.append("and (o.name > :afterName or (o.name = :afterName and o.id > :afterId)) ");
            params.put("afterName", after.name());
            params.put("afterId", after.id());
        }
        sql.append("order by o.name, o.id fetch first ").append(limit).append(" rows only");
        return withDomains(jdbc.sql(sql.toString()).params(params).query(this::organization).list());
    }

    /** Organization names for pickers, alphabetically, at most {@code limit}. */
    public List<String> names(int limit) {
        return jdbc.sql("select name from organization order by name, id fetch first " + limit + " rows only")
                .query(String.class).list();
    }

    private List<String> domains(OrganizationId id) {
        return jdbc.sql("select domain from organization_domain where organization_id = ? order by domain")
                .param(id.value()).query(String.class).list();
    }

    private Organization organization(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Organization(OrganizationId.of(rs.getLong("id")), rs.getString("name"), List.of(),
                rs.getString("tier"), rs.getString("notes"), fromDb(rs, "created_at"));
    }

    private List<Organization> withDomains(List<Organization> organizations) {
        if (organizations.isEmpty()) {
            return organizations;
        }
        Map<Long, List<String>> domains = jdbc.sql("select organization_id, domain from organization_domain "
                        + "where organization_id in (:ids)")
                .param("ids", organizations.stream().map(o -> o.id().value()).toList())
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return organizations.stream()
                .map(o -> new Organization(o.id(), o.name(),
                        domains.getOrDefault(o.id().value(), List.of()).stream().sorted().toList(),
                        o.tier(), o.notes(), o.createdAt()))
                .toList();
    }
}
