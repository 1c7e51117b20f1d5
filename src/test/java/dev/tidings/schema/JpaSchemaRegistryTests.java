package dev.tidings.schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.tidings.app.Article;
import dev.tidings.app.Comment;
import dev.tidings.app.TidingsApplication;
import dev.tidings.errors.ErrorCode;
import dev.tidings.errors.TidingsException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The registry's view of the standalone demo model, read from the JPA metamodel of the
 * booted app: API names are the column names, with types, keys, flags and relations as
 * the entities and their columns declare them.
 */
@SpringBootTest(classes = TidingsApplication.class, webEnvironment = WebEnvironment.NONE,
		properties = "spring.datasource.url=jdbc:h2:mem:jpa-schema-registry-tests;DB_CLOSE_DELAY=-1")
class JpaSchemaRegistryTests {

	private final SchemaRegistry registry;

	JpaSchemaRegistryTests(@Autowired SchemaRegistry registry) {
		this.registry = registry;
	}

	@Test
	void collectionsAreTheAnnotatedEntitiesNamedAfterTheirTables() {
		assertThat(this.registry).isInstanceOf(JpaSchemaRegistry.class);
		assertThat(this.registry.collections()).extracting(CollectionSchema::name)
			.containsExactlyInAnyOrder("articles", "comments", "directus_users", "directus_roles", "directus_policies",
					"directus_access", "directus_permissions", "directus_files", "directus_folders",
					"directus_comments", "directus_activity", "directus_revisions");
		assertThat(this.registry.require("articles").entityType()).isEqualTo(Article.class);
		assertThat(this.registry.forEntity(Comment.class)).map(CollectionSchema::name).contains("comments");
	}

	@Test
	void articlesFieldsAreColumnNamesInDeclarationOrder() {
		CollectionSchema articles = this.registry.require("articles");

		assertThat(articles.fields().keySet()).containsExactly("id", "title", "body", "status", "author", "image",
				"views", "published_at", "comments");
		assertThat(articles.primaryKey()).isEqualTo("id");
		assertThat(articles.columns()).extracting(FieldSchema::name).doesNotContain("comments");
	}

	@Test
	void articlesFieldsHaveTypesFlagsAndLengths() {
		CollectionSchema articles = this.registry.require("articles");

		assertField(articles, "id", FieldType.INTEGER, Integer.class).satisfies((id) -> {
			assertThat(id.primaryKey()).isTrue();
			assertThat(id.generated()).isTrue();
			assertThat(id.nullable()).isFalse();
			assertThat(required(id)).isFalse();
		});
		assertField(articles, "title", FieldType.STRING, String.class).satisfies((title) -> {
			assertThat(title.nullable()).isFalse();
			assertThat(title.hasDefault()).isFalse();
			assertThat(required(title)).isTrue();
			assertThat(title.maxLength()).isEqualTo(255);
		});
		assertField(articles, "body", FieldType.TEXT, String.class).satisfies((body) -> {
			assertThat(body.nullable()).isTrue();
			assertThat(body.maxLength()).isNull();
		});
		assertField(articles, "status", FieldType.STRING, String.class).satisfies((status) -> {
			assertThat(status.nullable()).isFalse();
			assertThat(status.hasDefault()).isTrue();
			assertThat(required(status)).isFalse();
			assertThat(status.maxLength()).isEqualTo(20);
		});
		assertField(articles, "author", FieldType.UUID, UUID.class).satisfies((author) -> {
			assertThat(author.nullable()).isTrue();
			assertThat(author.relation()).isEqualTo(new Relation(Relation.Kind.MANY_TO_ONE, "directus_users", null));
		});
		assertField(articles, "views", FieldType.INTEGER, Integer.class).satisfies((views) -> {
			assertThat(views.nullable()).isFalse();
			assertThat(views.hasDefault()).isTrue();
			assertThat(required(views)).isFalse();
		});
		assertField(articles, "published_at", FieldType.TIMESTAMP, Instant.class).satisfies((publishedAt) -> {
			assertThat(publishedAt.attribute()).isEqualTo("publishedAt");
			assertThat(publishedAt.nullable()).isTrue();
			assertThat(publishedAt.hasDefault()).isFalse();
		});
		assertThat(articles.fields().values())
			.filteredOn((field) -> !field.name().equals("comments") && !field.name().equals("author")
					&& !field.name().equals("image"))
			.allSatisfy((field) -> assertThat(field.relation()).isNull());
	}

	@Test
	void articlesCommentsIsAOneToManyAliasMappedByArticle() {
		FieldSchema comments = this.registry.require("articles").requireField("comments");

		assertThat(comments.type()).isEqualTo(FieldType.ALIAS);
		assertThat(comments.javaType()).isEqualTo(List.class);
		assertThat(comments.isToMany()).isTrue();
		assertThat(comments.isColumn()).isFalse();
		assertThat(comments.relation()).isEqualTo(new Relation(Relation.Kind.ONE_TO_MANY, "comments", "article"));
	}

	@Test
	void commentsFieldsIncludeTheQuotedUserColumnUnquoted() {
		CollectionSchema comments = this.registry.require("comments");

		assertThat(comments.fields().keySet()).containsExactly("id", "article", "body", "user", "date_created");
		assertThat(comments.primaryKey()).isEqualTo("id");
		assertField(comments, "user", FieldType.UUID, UUID.class).satisfies((user) -> {
			assertThat(user.attribute()).isEqualTo("user");
			assertThat(user.nullable()).isTrue();
		});
		assertField(comments, "date_created", FieldType.TIMESTAMP, Instant.class).satisfies((dateCreated) -> {
			assertThat(dateCreated.nullable()).isFalse();
			assertThat(dateCreated.hasDefault()).isTrue();
			assertThat(required(dateCreated)).isFalse();
		});
		assertField(comments, "body", FieldType.TEXT, String.class);
		assertField(comments, "id", FieldType.INTEGER, Integer.class).satisfies((id) -> {
			assertThat(id.primaryKey()).isTrue();
			assertThat(id.generated()).isTrue();
		});
	}

	@Test
	void commentsArticleIsARequiredManyToOneTypedByTheArticleKey() {
		FieldSchema article = this.registry.require("comments").requireField("article");

		assertThat(article.type()).isEqualTo(FieldType.INTEGER);
		assertThat(article.javaType()).isEqualTo(Integer.class);
		assertThat(article.holdsRelatedKey()).isTrue();
		assertThat(article.isColumn()).isTrue();
		assertThat(article.relation()).isEqualTo(new Relation(Relation.Kind.MANY_TO_ONE, "articles", null));
		assertThat(article.nullable()).isFalse();
		assertThat(article.hasDefault()).isFalse();
		assertThat(required(article)).isTrue();
	}

	@Test
	void unknownCollectionIsForbiddenNeverNotFound() {
		assertThat(this.registry.find("nope")).isEmpty();
		assertThatExceptionOfType(TidingsException.class).isThrownBy(() -> this.registry.require("nope"))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.FORBIDDEN);
				assertThat(ex.httpStatus()).isEqualTo(403);
				assertThat(ex.errors().get(0).extensions()).containsEntry("reason",
						"You don't have permission to access collection \"nope\" or it does not exist. Queried in root.");
			});
	}

	@Test
	void unknownFieldIsForbiddenNamingIt() {
		assertThatExceptionOfType(TidingsException.class)
			.isThrownBy(() -> this.registry.require("articles").requireField("publishedAt"))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.FORBIDDEN))
			.withMessageContaining("\"publishedAt\"");
	}

	private static org.assertj.core.api.ObjectAssert<FieldSchema> assertField(CollectionSchema collection, String name,
			FieldType type, Class<?> javaType) {
		FieldSchema field = collection.requireField(name);
		assertThat(field.name()).isEqualTo(name);
		assertThat(field.type()).as(name).isEqualTo(type);
		assertThat(field.javaType()).as(name).isEqualTo(javaType);
		return assertThat(field);
	}

	/**
	 * Whether a create must submit the field: not null, no default, not generated (the
	 * rule of the items writer).
	 */
	private static boolean required(FieldSchema field) {
		return !field.nullable() && !field.hasDefault() && !field.generated();
	}

}
