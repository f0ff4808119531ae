package io.tessera.customer.internal;

import static io.tessera.customer.internal.Timestamps.fromDb;
import static io.tessera.customer.internal.Timestamps.toDb;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.tessera.customer.Customer;
import io.tessera.customer.CustomerProfile;
import io.tessera.customer.OrganizationRef;
import io.tessera.shared.CustomerId;
import io.tessera.shared.OrganizationId;

/**
 * SQL for {@code customer}, {@code customer_email} and {@code customer_merge}. Addresses arrive here
 * already normalized (trimmed, lower-cased) by the facade.
 */
@Repository
public class CustomerRepository {

    private static final String PROFILE = "select c.id, c.name, c.email, c.phone, c.organization_id, "
            + "o.name as organization_name, c.notes, c.tier, c.language, c.time_zone, c.created_at "
            + "from customer c left join organization o on o.id = c.organization_id ";

    private final JdbcClient jdbc;

    CustomerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Values of the profile columns, in the order insert and update list them. */
    public record Row(String name, String email, String phone, OrganizationId organization, String notes, String tier,
                      String language, String timeZone) {
    }

    public CustomerId insert(Row row, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into customer (name, email, phone, organization_id, notes, tier, language, time_zone, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(row.name(), row.email(), row.phone(), idOrNull(row.organization()), row.notes(), row.tier(),
                        row.language(), row.timeZone(), toDb(now))
                .update(keys, "id");
        return CustomerId.of(keys.getKey().longValue());
    }

    public void update(CustomerId id, Row row) {
        jdbc.sql("update customer set name = ?, email = ?, phone = ?, organization_id = ?, notes = ?, tier = ?, "
                        + "language = ?, time_zone = ? where id = ?")
                .params(row.name(), row.email(), row.phone(), idOrNull(row.organization()), row.notes(), row.tier(),
                        row.language(), row.timeZone(), id.value())
                .update();
    }

    /** Makes {@code emails} the customer's addresses: removes the others, adds the new ones. */
    public void replaceEmails(CustomerId id, List<String> emails, Instant now) {
        List<String> current = emails(id);
        for (String old : current) {
            if (!emails.contains(old)) {
                jdbc.sql("delete from customer_email where customer_id = ? and email = ?").params(id.value(), old).update();
            }
        }
        for (String email : emails) {
            if (!current.contains(email)) {
                jdbc.sql("insert into customer_email (customer_id, email, created_at) values (?, ?, ?)")
                        .params(id.value(), email, toDb(now)).update();
            }
        }
    }

    /** The customer an address belongs to, primary or not. */
    public Optional<CustomerId> ownerOf(String email) {
        return jdbc.sql("select customer_id from customer_email where email = ?").param(email)
                .query((rs, n) -> CustomerId.of(rs.getLong(1))).optional();
    }

    public List<String> emails(CustomerId id) {
        return jdbc.sql("select email from customer_email where customer_id = ? order by email").param(id.value())
                .query(String.class).list();
    }

    public Optional<Customer> find(CustomerId id) {
        return jdbc.sql("select id, name, email, organization_id from customer where id = ?").param(id.value())
                .query(CustomerRepository::customer).optional();
    }

    public Optional<Customer> findByEmail(String email) {
        return jdbc.sql("select c.id, c.name, c.email, c.organization_id from customer_email e "
                        + "join customer c on c.id = e.customer_id where e.email = ?")
                .param(email).query(CustomerRepository::customer).optional();
    }

    public Optional<CustomerProfile> findProfile(CustomerId id) {
        return withEmails(jdbc.sql(PROFILE + "where c.id = ?").param(id.value())
                .query(CustomerRepository::profile).list()).stream().findFirst();
    }

    /**
     * Up to {@code limit} customers after {@code after} in (name, id) order, optionally only those whose
     * name has a word starting with {@code query} or who have an address starting with it, and only the
     * members of {@code organization}. Prefix matching scans rather than seeks on PostgreSQL; it is the
     * accepted first step before the search index takes over.
     */
    public List<CustomerProfile> page(String query, OrganizationId organization, NameKey after, int limit) {
        StringBuilder sql = new StringBuilder(PROFILE).append("where 1 = 1 ");
        Map<String, Object> params = new HashMap<>();
        if (query != null && !query.isBlank()) {
            sql.append("and (c.name ilike :prefix or c.name ilike :wordPrefix or exists (select 1 from customer_email e "
                    + "where e.customer_id = c.id and e.email like :emailPrefix)) ");
            params.put("prefix", SearchPrefix.startsWith(query.trim()));
            params.put("wordPrefix", SearchPrefix.wordStartsWith(query.trim()));
            params.put("emailPrefix", SearchPrefix.startsWith(SearchPrefix.lower(query.trim())));
        }
        if (organization != null) {
            sql.append("and c.organization_id = :organization ");
            params.put("organization", organization.value());
        }
        if (after != null) {
            // The first comparison is implied by the second but lets PostgreSQL start the index scan at the
            // cursor instead of filtering out the earlier pages (see TicketQueries.page).
            sql.append("and c.name >= :afterName ");
            sql.append("and (c.name > :afterName or (c.name = :afterName and c.id > :afterId)) ");
            params.put("afterName", after.name());
            params.put("afterId", after.id());
        }
        sql.append("order by c.name, c.id fetch first ").append(limit).append(" rows only");
        return withEmails(jdbc.sql(sql.toString()).params(params).query(CustomerRepository::profile).list());
    }

    /** Locks the customers' rows until the transaction ends; callers pass them in id order to avoid deadlocks. */
    public void lock(List<CustomerId> ids) {
        for (CustomerId id : ids) {
            jdbc.sql("select id from customer where id = ? for update").param(id.value()).query(Long.class).list();
        }
    }

    /** Moves every address of {@code from} to {@code into}. */
    public int moveEmails(CustomerId from, CustomerId into) {
        return jdbc.sql("update customer_email set customer_id = ? where customer_id = ?")
                .params(into.value(), from.value()).update();
    }

    /** Remembers that {@code from} now lives on as {@code into}, including what was merged into {@code from} before. */
    public void recordMerge(CustomerId from, CustomerId into, Instant now) {
        jdbc.sql("update customer_merge set into_id = ? where into_id = ?").params(into.value(), from.value()).update();
        jdbc.sql("insert into customer_merge (merged_id, into_id, merged_at) values (?, ?, ?)")
                .params(from.value(), into.value(), toDb(now)).update();
    }

    public Optional<CustomerId> mergedInto(CustomerId id) {
        return jdbc.sql("select into_id from customer_merge where merged_id = ?").param(id.value())
                .query((rs, n) -> CustomerId.of(rs.getLong(1))).optional();
    }

    public void delete(CustomerId id) {
        jdbc.sql("delete from customer where id = ?").param(id.value()).update();
    }

    private static Customer customer(ResultSet rs, int n) throws SQLException {
        long org = rs.getLong("organization_id");
        OrganizationId organization = rs.wasNull() ? null : OrganizationId.of(org);
        return new Customer(CustomerId.of(rs.getLong("id")), rs.getString("name"), rs.getString("email"), organization);
    }

    /** Adds every customer's addresses with one query: the primary one first, then the others alphabetically. */
    private List<CustomerProfile> withEmails(List<CustomerProfile> customers) {
        if (customers.isEmpty()) {
            return customers;
        }
        Map<Long, List<String>> emails = jdbc.sql("select customer_id, email from customer_email "
                        + "where customer_id in (:ids)")
                .param("ids", customers.stream().map(c -> c.id().value()).toList())
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return customers.stream().map(c -> {
            List<String> all = new ArrayList<>();
            all.add(c.email());
            // Sorted here, not by the database: collations differ in how they order punctuation.
            emails.getOrDefault(c.id().value(), List.of()).stream().filter(e -> !e.equals(c.email())).sorted()
                    .forEach(all::add);
            return new CustomerProfile(c.id(), c.name(), c.email(), List.copyOf(all), c.phone(), c.organization(),
                    c.notes(), c.tier(), c.language(), c.timeZone(), c.createdAt());
        }).toList();
    }

    private static CustomerProfile profile(ResultSet rs, int n) throws SQLException {
        return new CustomerProfile(CustomerId.of(rs.getLong("id")), rs.getString("name"), rs.getString("email"), List.of(),
                rs.getString("phone"), organization(rs), rs.getString("notes"), rs.getString("tier"),
                rs.getString("language"), rs.getString("time_zone"), fromDb(rs, "created_at"));
    }

    private static OrganizationRef organization(ResultSet rs) throws SQLException {
        long org = rs.getLong("organization_id");
        return rs.wasNull() ? null : new OrganizationRef(OrganizationId.of(org), rs.getString("organization_name"));
    }

    private static Long idOrNull(OrganizationId id) {
        return id == null ? null : id.value();
    }
}
