package dev.tidings.comments;

import java.time.Instant;
import java.util.UUID;

import dev.tidings.schema.ContentCollection;
import dev.tidings.security.TidingsUser;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * A comment on one item of a collection, the {@code directus_comments} collection. The
 * item is named by its collection and its key as text, as Directus does, because it may
 * be in any collection. Authors and dates are kept by {@link CommentRowListener}.
 */
@Entity
@Table(name = "tidings_comments")
@ContentCollection("directus_comments")
@EntityListeners(CommentRowListener.class)
public class TidingsComment {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	@Column(name = "collection", length = 64, nullable = false)
	private String collection;

	@Column(name = "item", length = 255, nullable = false)
	private String item;

	@Column(name = "comment", columnDefinition = "text", nullable = false)
	private String comment;

	// initialised so a new row reads as having them; the listener sets them when it is
	// stored
	@Column(name = "date_created")
	private Instant dateCreated = Instant.now();

	@Column(name = "date_updated")
	private @Nullable Instant dateUpdated;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "user_created")
	private @Nullable TidingsUser userCreated;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "user_updated")
	private @Nullable TidingsUser userUpdated;

	protected TidingsComment() {
	}

	public UUID getId() {
		return this.id;
	}

	public String getCollection() {
		return this.collection;
	}

	public String getItem() {
		return this.item;
	}

	public String getComment() {
		return this.comment;
	}

	void created(Instant now, @Nullable TidingsUser by) {
		this.dateCreated = now;
		this.userCreated = by;
	}

	void updated(Instant now, @Nullable TidingsUser by) {
		this.dateUpdated = now;
		this.userUpdated = by;
	}

}
