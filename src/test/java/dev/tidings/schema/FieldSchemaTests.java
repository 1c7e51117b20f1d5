package dev.tidings.schema;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which fields list children that hold a foreign key to their parent: only those can be
 * known to be empty on a new row (a created item's snapshot lists them as {@code []}).
 */
class FieldSchemaTests {

	@Test
	void inverseOneToManyListsChildrenByForeignKey() {
		assertThat(field(new Relation(Relation.Kind.ONE_TO_MANY, "comments", "article")).listsChildrenByForeignKey())
			.isTrue();
	}

	@Test
	void oneToManyThroughAJoinTableDoesNot() {
		// no mappedBy: the links live in a table of their own, which the children do not
		// hold
		assertThat(field(new Relation(Relation.Kind.ONE_TO_MANY, "tags", null)).listsChildrenByForeignKey()).isFalse();
	}

	@Test
	void manyToManyManyToOneAndPlainFieldsDoNot() {
		assertThat(field(new Relation(Relation.Kind.MANY_TO_MANY, "tags", "articles")).listsChildrenByForeignKey())
			.isFalse();
		assertThat(field(new Relation(Relation.Kind.MANY_TO_ONE, "articles", null)).listsChildrenByForeignKey())
			.isFalse();
		assertThat(field(new Relation(Relation.Kind.ONE_TO_ONE, "profiles", "user")).listsChildrenByForeignKey())
			.isFalse();
		assertThat(field(null).listsChildrenByForeignKey()).isFalse();
	}

	private static FieldSchema field(@Nullable Relation relation) {
		return new FieldSchema("related", "related", FieldType.ALIAS, List.class, false, false, true, false, null,
				relation, new FieldAccessor() {

					@Override
					public @Nullable Object get(Object entity) {
						return null;
					}

					@Override
					public void set(Object entity, @Nullable Object value) {
					}

				}, false);
	}

}
