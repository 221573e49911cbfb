package io.vigil.store.access;

import io.vigil.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The users and tokens repositories on the real schema, with Hibernate validating the mappings. */
@SpringBootTest(classes = AccessStoreIT.Config.class)
@DirtiesContext
class AccessStoreIT {

    private static final TestDatabase DB = TestDatabase.create("access");
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00.123Z");

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @EntityScan(basePackageClasses = AppUser.class)
    @EnableJpaRepositories(basePackageClasses = AppUserRepository.class)
    static class Config {
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", DB::jdbcUrl);
        registry.add("spring.datasource.username", DB::user);
        registry.add("spring.datasource.password", DB::password);
        registry.add("spring.flyway.enabled", () -> "false");
        registry.add("spring.jpa.hibernate.ddl-auto", () -> "validate");
        registry.add("spring.jpa.properties.hibernate.jdbc.time_zone", () -> "UTC");
    }

    @AfterAll
    static void drop() {
        DB.drop();
    }

    @Autowired
    AppUserRepository users;

    @Autowired
    ApiTokenRepository tokens;

    @Test
    void shouldStoreUserWithRolesAndReadThemBack() {
        users.save(new AppUser("olga", "{bcrypt}hash", EnumSet.of(Role.OPERATOR, Role.AUDITOR), NOW));

        AppUser read = users.findById("olga").orElseThrow();

        assertThat(read.getRoles()).containsExactlyInAnyOrder(Role.OPERATOR, Role.AUDITOR);
        assertThat(read.getPasswordHash()).isEqualTo("{bcrypt}hash");
        assertThat(read.isEnabled()).isTrue();
        assertThat(read.getCreatedAt()).isEqualTo(NOW);
        assertThat(new JdbcTemplate(DB.dataSource()).queryForObject(
                "SELECT roles FROM app_user WHERE username = 'olga'", String.class)).isEqualTo("AUDITOR,OPERATOR");
    }

    @Test
    void shouldRefuseSecondUserWithTakenName() {
        users.save(new AppUser("ann", "h1", Set.of(Role.ANALYST), NOW));

        assertThatThrownBy(() -> users.save(new AppUser("ann", "h2", Set.of(Role.ADMIN), NOW)))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(users.findById("ann").orElseThrow().getPasswordHash()).isEqualTo("h1");
    }

    @Test
    void shouldFindTokenByHashAndKeepItsRevocation() {
        ApiToken saved = tokens.save(new ApiToken("ci", Role.INTEGRATOR, "a".repeat(64), NOW, "admin"));
        saved.revoke(NOW.plusSeconds(5));
        tokens.save(saved);

        ApiToken read = tokens.findByTokenHash("a".repeat(64)).orElseThrow();

        assertThat(read.getId()).isEqualTo(saved.getId());
        assertThat(read.getRole()).isEqualTo(Role.INTEGRATOR);
        assertThat(read.getCreatedBy()).isEqualTo("admin");
        assertThat(read.getRevokedAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(tokens.findByTokenHash("b".repeat(64))).isEmpty();
    }

    @Test
    void shouldRecordUseOnlyWhenTheStoredTimeIsStale() {
        long id = tokens.save(new ApiToken("bot", Role.OPERATOR, "c".repeat(64), NOW, "admin")).getId();
        Instant later = NOW.plus(30, ChronoUnit.SECONDS);

        int first = tokens.markUsed(id, NOW, NOW.minusSeconds(60));
        int tooSoon = tokens.markUsed(id, later, later.minusSeconds(60));
        int stale = tokens.markUsed(id, NOW.plusSeconds(120), NOW.plusSeconds(60));

        assertThat(first).isEqualTo(1);
        assertThat(tooSoon).isZero();
        assertThat(stale).isEqualTo(1);
        assertThat(tokens.findById(id).orElseThrow().getLastUsedAt()).isEqualTo(NOW.plusSeconds(120));
    }

    @Test
    void shouldKeepServiceGroupsOfUsersAndTokens() {
        users.save(new AppUser("sam", "h", Set.of(Role.OPERATOR), List.of("shop", "office", "shop"), NOW));
        long id = tokens.save(new ApiToken("shop-bot", Role.ANALYST, List.of("shop"), "d".repeat(64), NOW, "admin")).getId();

        assertThat(users.findById("sam").orElseThrow().getServiceGroups()).containsExactly("office", "shop");
        assertThat(tokens.findById(id).orElseThrow().getServiceGroups()).containsExactly("shop");
        assertThat(new JdbcTemplate(DB.dataSource()).queryForObject(
                "SELECT service_groups FROM app_user WHERE username = 'sam'", String.class)).isEqualTo("office,shop");
        assertThat(tokens.findByTokenHash("a".repeat(64)).map(ApiToken::getServiceGroups)).isEmpty();
    }
}
