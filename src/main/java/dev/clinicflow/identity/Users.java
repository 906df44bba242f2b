package dev.clinicflow.identity;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

interface Users extends CrudRepository<User, UUID> {

	@Query("select * from identity.users where lower(email) = lower(:email)")
	Optional<User> findByEmail(String email);

	@Query("select * from identity.users where invite_token_hash = :hash")
	Optional<User> findByInviteTokenHash(byte[] hash);

	@Query("select exists (select 1 from identity.user_photos where user_id = :id)")
	boolean hasPhoto(UUID id);

}
