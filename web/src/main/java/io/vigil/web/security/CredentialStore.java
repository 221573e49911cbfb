package io.vigil.web.security;

import io.vigil.store.access.Role;
import io.vigil.store.access.ServiceGroups;
import io.vigil.web.system.BoundedDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Where authentication reads users and tokens: through the {@link BoundedDatabase} (so a database
 * that is down or frozen costs a request about a second, not the main pool's wait) and a short
 * {@link CredentialCache} in front of it. What the cache cannot answer while the database is
 * unreachable fails with {@link CredentialStoreUnavailableException}.
 *
 * <p>Whoever changes a user or token through the API evicts it here ({@link #evictUser},
 * {@link #evictToken}), which takes effect at once on this node, and again when the surrounding
 * transaction commits, so that no read of the old row slips in between.
 */
@Component
public class CredentialStore {

    private static final Logger log = LoggerFactory.getLogger(CredentialStore.class);

    private static final String USER = "SELECT password_hash, roles, service_groups, enabled FROM app_user WHERE username = ?";
    private static final String TOKEN = "SELECT id, name, role, service_groups FROM api_token"
            + " WHERE token_hash = ? AND revoked_at IS NULL";

    private final BoundedDatabase database;
    private final CredentialCache<String, StoredUser> users;
    private final CredentialCache<String, StoredToken> tokens;
    private final AtomicBoolean reachable = new AtomicBoolean(true);

    CredentialStore(BoundedDatabase database, AuthProperties properties, Clock clock) {
        AuthProperties.Cache cache = properties.cache();
        this.database = database;
        this.users = new CredentialCache<>(cache.fresh(), cache.staleLimit(), cache.capacity(), clock);
        this.tokens = new CredentialCache<>(cache.fresh(), cache.staleLimit(), cache.capacity(), clock);
    }

    /** The user called {@code username}, if there is one. */
    Optional<StoredUser> user(String username) {
        return users.get(username, name -> query(USER, name, rows -> new StoredUser(name, rows.getString(1),
                Role.split(rows.getString(2)), ServiceGroups.split(rows.getString(3)), rows.getBoolean(4))));
    }

    /** The live token whose secret hashes to {@code hash}, if there is one. */
    public Optional<StoredToken> token(String hash) {
        return tokens.get(hash, h -> query(TOKEN, h, rows -> new StoredToken(rows.getLong(1), rows.getString(2),
                Role.parse(rows.getString(3)), ServiceGroups.split(rows.getString(4)))));
    }

    public void evictUser(String username) {
        evict(users::evict, username);
    }

    public void evictToken(String hash) {
        evict(tokens::evict, hash);
    }

    private static void evict(Consumer<String> eviction, String key) {
        eviction.accept(key);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    eviction.accept(key);
                }
            });
        }
    }

    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private <T> Optional<T> query(String sql, String key, Row<T> row) {
        try (Connection connection = database.connection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, key);
            try (ResultSet rows = statement.executeQuery()) {
                Optional<T> found = rows.next() ? Optional.of(row.read(rows)) : Optional.empty();
                if (reachable.compareAndSet(false, true)) {
                    log.info("the credential store answers again");
                }
                return found;
            }
        } catch (SQLException e) {
            if (reachable.compareAndSet(true, false)) {
                log.warn("the credential store is unreachable, credentials the cache cannot answer get 503: {}", e.getMessage());
            }
            throw new CredentialStoreUnavailableException(e);
        }
    }
}
