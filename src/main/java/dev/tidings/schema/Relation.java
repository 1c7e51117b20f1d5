package dev.tidings.schema;

import org.jspecify.annotations.Nullable;

/**
 * How a field points at another collection. The owning side of a relation is the one
 * Hibernate writes; an inverse side ({@code mappedBy}) is written by changing the owning
 * field of the related items.
 *
 * @param kind the JPA cardinality, as seen from this field
 * @param relatedCollection the collection on the other side
 * @param mappedBy for an inverse side, the API name of the owning field on the related
 * collection; null on the owning side
 * @param orphanRemoval whether a related item this one-to-many drops is deleted rather
 * than unlinked ({@code orphanRemoval}), as Directus's "delete" deselect action
 */
public record Relation(Kind kind, String relatedCollection, @Nullable String mappedBy, boolean orphanRemoval) {

	public Relation(Kind kind, String relatedCollection, @Nullable String mappedBy) {
		this(kind, relatedCollection, mappedBy, false);
	}

	public enum Kind {

		MANY_TO_ONE, ONE_TO_ONE, ONE_TO_MANY, MANY_TO_MANY

	}

	public boolean owning() {
		return this.mappedBy == null;
	}

	/** Whether the field lists related items rather than holding at most one. */
	public boolean toMany() {
		return this.kind == Kind.ONE_TO_MANY || this.kind == Kind.MANY_TO_MANY;
	}

	/**
	 * Whether the field is a column of its own row holding the related key: a many-to-one
	 * or the owning side of a one-to-one.
	 */
	public boolean holdsKey() {
		return !toMany() && owning();
	}

}
