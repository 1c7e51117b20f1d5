package dev.tidings.security;

import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.springframework.data.domain.AuditorAware;

/**
 * Spring Data's auditor for {@code @CreatedBy} and {@code @LastModifiedBy} attributes of
 * type {@link TidingsUser}: the user of the {@link CurrentCaller}, as a reference that
 * costs no query; nobody for the system, an anonymous caller or no caller at all, so the
 * attribute keeps its value. Tidings registers it as the bean {@code tidingsAuditor} but
 * switches no auditing on: a host opts in with
 * {@code @EnableJpaAuditing(auditorAwareRef = "tidingsAuditor")}, and a host auditor that
 * wants the caller's id reads {@link CurrentCaller} itself.
 */
public final class TidingsAuditor implements AuditorAware<TidingsUser> {

	private final EntityManager entityManager;

	public TidingsAuditor(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	@Override
	public Optional<TidingsUser> getCurrentAuditor() {
		return CurrentCaller.get()
			.map(Accountability::user)
			.map((user) -> this.entityManager.getReference(TidingsUser.class, user));
	}

}
