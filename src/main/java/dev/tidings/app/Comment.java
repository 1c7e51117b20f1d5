package dev.tidings.app;

import java.time.Instant;

import dev.tidings.schema.ContentCollection;
import dev.tidings.security.TidingsUser;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A demo comment on an article, exposed as the {@code comments} collection.
 */
@Entity
@Table(name = "comments")
@ContentCollection
public class Comment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Integer id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "article", nullable = false)
	private Article article;

	@Column(columnDefinition = "text")
	private String body;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "\"user\"")
	private TidingsUser user;

	@Column(nullable = false)
	private Instant dateCreated = Instant.now();

	protected Comment() {
	}

}
