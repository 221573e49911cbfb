package io.vigil.store.access;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** API tokens, looked up by the hash of the presented secret (unique index api_token_hash). */
public interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

    Optional<ApiToken> findByTokenHash(String tokenHash);

    List<ApiToken> findAllByOrderByIdAsc();

    /**
     * Records a use without loading the entity, and only when the stored time is older than
     * {@code staleBefore}: a busy integration posting many requests a second costs one small
     * UPDATE a minute, not one per request.
     *
     * @return 1 when the row was updated, 0 when it was recent enough already
     */
    @Modifying
    @Transactional
    @Query("update ApiToken t set t.lastUsedAt = :now"
            + " where t.id = :id and (t.lastUsedAt is null or t.lastUsedAt < :staleBefore)")
    int markUsed(@Param("id") long id, @Param("now") Instant now, @Param("staleBefore") Instant staleBefore);
}
