package io.tessera.identity.internal;

import static io.tessera.identity.internal.Timestamps.fromDb;
import static io.tessera.identity.internal.Timestamps.toDb;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for {@code sign_in_failure} and {@code sign_in_known_address} (V28). Lives in the database, not in
 * memory, so every node of a cluster counts the same failures.
 */
@Repository
public class SignInFailureRepository {

    private final JdbcClient jdbc;

    SignInFailureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Failures since a moment: for this email from this address, from this address, and for this email. */
    public record Counts(int forPair, Instant lastForPair, int fromAddress, Instant lastFromAddress,
                         int forEmail, Instant lastForEmail) {
    }

    public Counts count(String email, String address, Instant since) {
        return jdbc.sql("select "
                        + "count(*) filter (where email = :email and client_address = :address) as pair_count, "
                        + "max(failed_at) filter (where email = :email and client_address = :address) as pair_last, "
                        + "count(*) filter (where client_address = :address) as address_count, "
                        + "max(failed_at) filter (where client_address = :address) as address_last, "
                        + "count(*) filter (where email = :email) as email_count, "
                        + "max(failed_at) filter (where email = :email) as email_last "
                        + "from sign_in_failure where (email = :email or client_address = :address) and failed_at > :since")
                .param("email", email).param("address", address).param("since", toDb(since))
                .query((rs, n) -> new Counts(rs.getInt("pair_count"), fromDb(rs, "pair_last"),
                        rs.getInt("address_count"), fromDb(rs, "address_last"),
                        rs.getInt("email_count"), fromDb(rs, "email_last")))
                .single();
    }

    public int countForEmail(String email, Instant since) {
        return jdbc.sql("select count(*) from sign_in_failure where email = ? and failed_at > ?")
                .params(email, toDb(since)).query(Integer.class).single();
    }

    public void insert(String email, String address, Instant now) {
        jdbc.sql("insert into sign_in_failure (email, client_address, failed_at) values (?, ?, ?)")
                .params(email, address, toDb(now)).update();
    }

    public void deleteOlderThan(Instant moment) {
        jdbc.sql("delete from sign_in_failure where failed_at < ?").param(toDb(moment)).update();
    }

    public void deleteForPair(String email, String address) {
        jdbc.sql("delete from sign_in_failure where email = ? and client_address = ?").params(email, address).update();
    }

    public int deleteForEmail(String email) {
        return jdbc.sql("delete from sign_in_failure where email = ?").param(email).update();
    }

    public boolean isKnownAddress(String email, String address, Instant since) {
        return jdbc.sql("select count(*) from sign_in_known_address where email = ? and client_address = ? "
                        + "and last_success_at > ?")
                .params(email, address, toDb(since)).query(Long.class).single() > 0;
    }

    public void rememberAddress(String email, String address, Instant now) {
        int updated = jdbc.sql("update sign_in_known_address set last_success_at = ? where email = ? and client_address = ?")
                .params(toDb(now), email, address).update();
        if (updated == 0) {
            // Two nodes may insert the same pair at once: the loser's row is simply not needed.
            jdbc.sql("insert into sign_in_known_address (email, client_address, last_success_at) values (?, ?, ?) "
                    + "on conflict do nothing").params(email, address, toDb(now)).update();
        }
    }

    public void forgetAddressesOlderThan(Instant moment) {
        jdbc.sql("delete from sign_in_known_address where last_success_at < ?").param(toDb(moment)).update();
    }
}
