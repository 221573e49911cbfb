package io.vigil.store.access;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

/** Console and API users, by username. */
public interface AppUserRepository extends JpaRepository<AppUser, String> {

    List<AppUser> findAllByOrderByUsernameAsc();
}
