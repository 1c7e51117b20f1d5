package dev.tidings.library;

import java.time.Instant;
import java.time.LocalDateTime;

import jakarta.persistence.EntityListeners;
import jakarta.persistence.MappedSuperclass;

import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.jpa.domain.support.AuditingEntityListener;

/**
 * When a row was created and last changed: fields every subclass's collection inherits,
 * filled by Spring Data's auditing as Directus fills its {@code date_created} and
 * {@code date_updated}.
 */
@MappedSuperclass
@EntityListeners(AuditingEntityListener.class)
public abstract class Stamped {

	@CreatedDate
	private Instant dateCreated;

	@LastModifiedDate
	private LocalDateTime dateUpdated;

}
