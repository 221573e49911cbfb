package io.vigil.store.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/**
 * A bearer token for machines (integrations posting events, scripts). Only the SHA-256 hex of
 * the secret is stored: the secret itself is shown once, when the token is created. A revoked
 * token stays as a record of who had access; it no longer authenticates.
 */
@Entity
@Table(name = "api_token")
public class ApiToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "name", nullable = false, length = 128)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 16)
    private Role role;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    /** Comma-separated, see {@link ServiceGroups}; an ADMIN token sees every service whatever this says. */
    @Column(name = "service_groups", nullable = false, length = 1024)
    private String serviceGroups = "";

    protected ApiToken() {
    }

    public ApiToken(String name, Role role, String tokenHash, Instant createdAt, String createdBy) {
        this(name, role, Set.of(), tokenHash, createdAt, createdBy);
    }

    /** @throws IllegalArgumentException for a bad group name (quoted) */
    public ApiToken(String name, Role role, Collection<String> serviceGroups, String tokenHash, Instant createdAt,
                    String createdBy) {
        this.name = name;
        this.serviceGroups = ServiceGroups.join(serviceGroups);
        this.role = role;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    /** Marks the token revoked; revoking twice keeps the first time. */
    public void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public Role getRole() { return role; }
    public String getTokenHash() { return tokenHash; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
    public Instant getLastUsedAt() { return lastUsedAt; }
    public Instant getRevokedAt() { return revokedAt; }
    public Set<String> getServiceGroups() { return ServiceGroups.split(serviceGroups); }
}
