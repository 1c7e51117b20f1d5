package dev.tidings.library;

import java.io.Serializable;
import java.util.Objects;

import dev.tidings.schema.ContentCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * A place on a shelf, keyed by branch and code together: a composite key, which Tidings
 * does not serve. It stays in the domain to prove that it is warned about and refused
 * with its reason, never dropped silently.
 */
@Entity
@Table(name = "shelf_slots")
@IdClass(ShelfSlot.Key.class)
@ContentCollection
public class ShelfSlot {

	@Id
	private Integer branch;

	@Id
	private String code;

	private Integer capacity;

	protected ShelfSlot() {
	}

	/** The composite key. */
	public static class Key implements Serializable {

		private Integer branch;

		private String code;

		@Override
		public boolean equals(Object other) {
			return other instanceof Key key && Objects.equals(this.branch, key.branch)
					&& Objects.equals(this.code, key.code);
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.branch, this.code);
		}

	}

}
