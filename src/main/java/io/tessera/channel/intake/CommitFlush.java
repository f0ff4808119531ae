package io.tessera.channel.intake;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Makes the intake's commits survive a killed process on the embedded H2 database as they do on
 * PostgreSQL. H2's MVStore keeps a committed transaction in memory and writes it to its file up to a
 * second later (its write delay); a {@code kill -9} in between loses it, and with it a message the SMTP
 * receiver had already answered "250" for (MailIntakeCrashIntegrationTests found nine such messages in one
 * run). {@code CHECKPOINT} writes the store to the file now. It is run after the store of a received
 * message — before it is acknowledged — and after its processing, so a ticket and acknowledgement that
 * others may have seen do not vanish either.
 *
 * <p>Not a global {@code WRITE_DELAY=0}: that writes a chunk per commit for every module, four times slower
 * and a file many times larger until H2 reclaims old chunks. On PostgreSQL, whose commit is durable, this
 * does nothing. It protects against a killed process, not against power loss (no fsync): production
 * installs run on PostgreSQL.
 */
@Component
class CommitFlush {

    private final DataSource dataSource;
    private final boolean h2;

    CommitFlush(DataSource dataSource) {
        this.dataSource = dataSource;
        this.h2 = isH2(dataSource);
    }

    /** Writes what has been committed to H2's file; call it after the commit, outside any transaction. */
    void afterCommit() {
        if (!h2) {
            return;
        }
        // A connection of its own, not the thread's transaction: CHECKPOINT would commit a caller's open work.
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Could not write H2's committed data to its file", e);
        }
    }

    private static boolean isH2(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return "H2".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Could not tell which database this is", e);
        }
    }
}
