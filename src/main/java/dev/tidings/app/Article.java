package dev.tidings.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.tidings.files.TidingsFile;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

/**
 * A demo article, exposed as the {@code articles} collection.
 */
@Entity
@Table(name = "articles")
@ContentCollection
public class Article {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Integer id;

	@Column(nullable = false)
	private String title;

	@Column(columnDefinition = "text")
	private String body;

	@Column(nullable = false, length = 20)
	private String status = "draft";

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "author")
	private TidingsUser author;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "image")
	private TidingsFile image;

	@Column(nullable = false)
	private Integer views = 0;

	private Instant publishedAt;

	@OneToMany(mappedBy = "article")
	private List<Comment> comments = new ArrayList<>();

	protected Article() {
	}

	public Article(String title, String status) {
		this.title = title;
		this.status = status;
	}

	public Integer getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getStatus() {
		return this.status;
	}

	public void setStatus(String status) {
		this.status = status;
	}

}
