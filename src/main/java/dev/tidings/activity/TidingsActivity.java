package dev.tidings.activity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
import org.jspecify.annotations.Nullable;

/**
 * One action on one item, the {@code directus_activity} collection: what was done
 * ({@code create}, {@code update}, {@code delete}, {@code login}), by whom, when and from
 * where. Changes are written by {@link ActivityLog} in the transaction that made them;
 * only logins are persisted through this entity.
 */
@Entity
@Table(name = "tidings_activity")
@ContentCollection("directus_activity")
public class TidingsActivity {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Integer id;

	@Column(name = "action", length = 45, nullable = false)
	private String action;

	// quoted: "user" is a reserved word in both databases
	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "\"user\"")
	private @Nullable TidingsUser user;

	@Column(name = "timestamp", nullable = false)
	private Instant timestamp;

	@Column(name = "ip", length = 50)
	private @Nullable String ip;

	@Column(name = "user_agent", columnDefinition = "text")
	private @Nullable String userAgent;

	@Column(name = "collection", length = 64, nullable = false)
	private String collection;

	@Column(name = "item", length = 255, nullable = false)
	private String item;

	@Column(name = "origin", length = 255)
	private @Nullable String origin;

	@OneToMany(mappedBy = "activity")
	private List<TidingsRevision> revisions = new ArrayList<>();

	protected TidingsActivity() {
	}

	TidingsActivity(String action, TidingsUser user, Instant timestamp, @Nullable String ip, @Nullable String userAgent,
			String collection, String item, @Nullable String origin) {
		this.action = action;
		this.user = user;
		this.timestamp = timestamp;
		this.ip = ip;
		this.userAgent = userAgent;
		this.collection = collection;
		this.item = item;
		this.origin = origin;
	}

}
