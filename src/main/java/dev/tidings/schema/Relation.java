package dev.tidings.schema;

import org.jspecify.annotations.Nullable;

/**
 * How a field points at another collection.
 *
 * @param kind many-to-one (the field holds the related key) or one-to-many (an alias
 * listing the children)
 * @param relatedCollection the collection on the other side
 * @param mappedBy for one-to-many, the many-to-one field of the child that points back
 */
public record Relation(Kind kind, String relatedCollection, @Nullable String mappedBy) {

	public enum Kind {

		MANY_TO_ONE, ONE_TO_MANY

	}

	public boolean isManyToOne() {
		return this.kind == Kind.MANY_TO_ONE;
	}

	public boolean isOneToMany() {
		return this.kind == Kind.ONE_TO_MANY;
	}

}
