package dev.tidings.keys;

import java.util.UUID;

import dev.tidings.schema.ContentCollection;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.UuidGenerator;

/**
 * A badge, its key a UUID from Hibernate's own generator annotation.
 */
@Entity
@Table(name = "badges")
@ContentCollection
public class Badge {

	@Id
	@UuidGenerator(style = UuidGenerator.Style.TIME)
	private UUID id;

	@Column(nullable = false)
	private String name = "";

	protected Badge() {
	}

}
