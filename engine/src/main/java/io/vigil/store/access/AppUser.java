package io.vigil.store.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A person who logs in to the console (form login) or calls the API with HTTP Basic. The
 * password is kept only as a BCrypt hash. The username is the key, so the entity says itself
 * whether it is new: saving a second user with a taken name fails instead of overwriting it.
 */
@Entity
@Table(name = "app_user")
public class AppUser implements Persistable<String> {

    @Id
    @Column(name = "username", length = 64)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "roles", nullable = false)
    private String roles;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Comma-separated, see {@link ServiceGroups}; ADMIN sees every service whatever this says. */
    @Column(name = "service_groups", nullable = false, length = 1024)
    private String serviceGroups = "";

    @Transient
    private boolean isNew;

    protected AppUser() {
    }

    public AppUser(String username, String passwordHash, Set<Role> roles, Instant createdAt) {
        this(username, passwordHash, roles, Set.of(), createdAt);
    }

    /** @throws IllegalArgumentException for no role or a bad group name (quoted) */
    public AppUser(String username, String passwordHash, Set<Role> roles, Collection<String> serviceGroups,
                   Instant createdAt) {
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("user \"" + username + "\" needs at least one role");
        }
        this.username = username;
        this.passwordHash = passwordHash;
        this.roles = roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        this.enabled = true;
        this.createdAt = createdAt;
        this.serviceGroups = ServiceGroups.join(serviceGroups);
        this.isNew = true;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        isNew = false;
    }

    /** Replaces the stored hash (the caller has checked the new password against the policy). */
    public void changePasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    @Override
    public String getId() {
        return username;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    public String getUsername() { return username; }
    public String getPasswordHash() { return passwordHash; }
    public boolean isEnabled() { return enabled; }
    public Instant getCreatedAt() { return createdAt; }
    public Set<String> getServiceGroups() { return ServiceGroups.split(serviceGroups); }

    public Set<Role> getRoles() {
        return Role.split(roles);
    }
}
