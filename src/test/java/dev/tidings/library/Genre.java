package dev.tidings.library;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import dev.tidings.schema.ContentCollection;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;

/**
 * A genre: the inverse side of the books' many-to-many, and labels by locale, a mapping
 * the API does not support.
 */
@Entity
@Table(name = "genres")
@ContentCollection
public class Genre {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Integer id;

	@Column(nullable = false, unique = true, length = 60)
	private String name;

	@ManyToMany(mappedBy = "genres")
	private Set<Book> books = new LinkedHashSet<>();

	// a map-valued element collection has no field: UnsupportedMappingTests expects its
	// warning
	@ElementCollection
	@CollectionTable(name = "genre_labels", joinColumns = @JoinColumn(name = "genre"))
	@MapKeyColumn(name = "locale")
	@Column(name = "label")
	private Map<String, String> labels = new HashMap<>();

	protected Genre() {
	}

}
