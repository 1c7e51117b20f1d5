package dev.tidings.files;

import java.util.UUID;

import dev.tidings.schema.ContentCollection;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A folder of files, the {@code directus_folders} collection: a name and, for a nested
 * folder, its parent.
 */
@Entity
@Table(name = "tidings_folders")
@ContentCollection("directus_folders")
public class TidingsFolder {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	@Column(name = "name", length = 255, nullable = false)
	private String name;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "parent")
	private @Nullable TidingsFolder parent;

	protected TidingsFolder() {
	}

	public UUID getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public @Nullable TidingsFolder getParent() {
		return this.parent;
	}

}
