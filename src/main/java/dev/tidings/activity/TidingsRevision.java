package dev.tidings.activity;

import java.util.Map;

import dev.tidings.schema.ContentCollection;
import dev.tidings.schema.JsonColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
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
 * An item's row after a create or update, the {@code directus_revisions} collection: the
 * whole row ({@code data}) and the fields the change set ({@code delta}), as JSON, for
 * the activity that made it. The revisions of one transaction after its first have that
 * first one as {@code parent}. Written by {@link ActivityLog}; read-only through the API.
 */
@Entity
@Table(name = "tidings_revisions")
@ContentCollection("directus_revisions")
public class TidingsRevision {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Integer id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "activity", nullable = false)
	private TidingsActivity activity;

	@Column(name = "collection", length = 64, nullable = false)
	private String collection;

	@Column(name = "item", length = 255, nullable = false)
	private String item;

	@Convert(converter = JsonColumn.class)
	@Column(name = "data", columnDefinition = "text")
	private @Nullable Map<String, Object> data;

	@Convert(converter = JsonColumn.class)
	@Column(name = "delta", columnDefinition = "text")
	private @Nullable Map<String, Object> delta;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "parent")
	private @Nullable TidingsRevision parent;

	// Directus's content versions, which Tidings does not have: always null
	@Column(name = "version", length = 255)
	private @Nullable String version;

	protected TidingsRevision() {
	}

}
