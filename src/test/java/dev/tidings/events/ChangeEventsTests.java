package dev.tidings.events;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import dev.tidings.app.Article;
import dev.tidings.app.Comment;
import dev.tidings.app.TidingsApplication;
import dev.tidings.items.ItemsService;
import dev.tidings.security.Accountability;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every committed write to a collection reaches the bus once, after its commit, whoever
 * made it: the host's own repository, an entity manager the host drives, our items
 * service, the REST API. Publication is synchronous on the committing thread, so once a
 * transaction has returned its notifications have been received, and "nothing" can be
 * checked at once.
 */
@SpringBootTest(classes = { TidingsApplication.class, ChangeEventsTests.HostRepositories.class },
		webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:change-events-tests;DB_CLOSE_DELAY=-1")
class ChangeEventsTests {

	@Autowired
	private ArticleRepository articles;

	@Autowired
	private ReceivedChanges received;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private EntityManager entityManager;

	@Autowired
	private EntityManagerFactory entityManagerFactory;

	@Autowired
	private ItemsService items;

	@LocalServerPort
	private int port;

	@BeforeEach
	void forgetEarlierChanges() {
		this.received.clear();
	}

	@Test
	void saveThroughHostRepositoryThenOneCreateWithTheWrittenRow() {
		Article saved = this.articles.save(new Article("Host write", "draft"));

		List<ChangeNotification> notifications = this.received.of("articles");
		assertThat(notifications).hasSize(1);
		ItemChange change = notifications.get(0).changes().get(0);
		assertThat(change.type()).isEqualTo(ChangeType.CREATE);
		assertThat(change.key()).isEqualTo(saved.getId());
		assertThat(change.before()).isNull();
		// the new article's comments are listed empty: its transaction wrote none
		assertThat(change.after())
			.containsOnlyKeys("id", "title", "body", "status", "author", "views", "published_at", "image", "comments")
			.containsEntry("comments", List.of())
			.containsEntry("id", saved.getId())
			.containsEntry("title", "Host write")
			.containsEntry("status", "draft")
			.containsEntry("views", 0)
			.containsEntry("author", null);
	}

	@Test
	void transactionRolledBackThenNothingPublished() {
		this.transactions.executeWithoutResult((status) -> {
			this.articles.saveAndFlush(new Article("Never committed", "draft"));
			status.setRollbackOnly();
		});

		assertThat(this.received.of("articles")).isEmpty();
	}

	@Test
	void receiverReadingFromAnotherConnectionThenSeesTheCommittedRow() {
		Article saved = this.transactions.execute((status) -> {
			Article article = this.articles.saveAndFlush(new Article("Visible only after commit", "draft"));
			assertThat(this.received.of("articles")).as("published before commit").isEmpty();
			return article;
		});

		ChangeNotification notification = this.received.of("articles").get(0);
		assertThat(notification.changes()).extracting(ItemChange::key).containsExactly(saved.getId());
		assertThat(this.received.visibleOnReceipt(notification)).isEqualTo(1);
	}

	@Test
	void hundredRowsInOneTransactionThenOneNotificationWithHundredChangesInOrder() {
		List<Article> saved = this.transactions.execute((status) -> this.articles
			.saveAll(IntStream.range(0, 100).mapToObj((i) -> new Article("Batch " + i, "draft")).toList()));

		List<ChangeNotification> notifications = this.received.of("articles");
		assertThat(notifications).hasSize(1);
		assertThat(notifications.get(0).changes()).hasSize(100)
			.extracting(ItemChange::key)
			.containsExactlyElementsOf(saved.stream().map(Article::getId).toList());
		assertThat(this.received.visibleOnReceipt(notifications.get(0))).isEqualTo(100);
	}

	@Test
	void updateOfManagedEntityThenBeforeAndAfter() {
		Integer id = this.articles.save(new Article("To publish", "draft")).getId();
		this.received.clear();

		this.transactions
			.executeWithoutResult((status) -> this.articles.findById(id).orElseThrow().setStatus("published"));

		ItemChange change = single("articles");
		assertThat(change.type()).isEqualTo(ChangeType.UPDATE);
		assertThat(change.key()).isEqualTo(id);
		assertThat(change.before()).containsEntry("status", "draft").containsEntry("title", "To publish");
		assertThat(change.after()).containsEntry("status", "published").containsEntry("title", "To publish");
	}

	@Test
	void deleteThenBeforeAndNoAfter() {
		Article saved = this.articles.save(new Article("To delete", "published"));
		this.received.clear();

		this.articles.delete(saved);

		ItemChange change = single("articles");
		assertThat(change.type()).isEqualTo(ChangeType.DELETE);
		assertThat(change.before()).containsEntry("id", saved.getId()).containsEntry("status", "published");
		assertThat(change.after()).isNull();
	}

	@Test
	void createThenUpdateInOneTransactionThenOneCreateWithTheFinalRow() {
		this.transactions.executeWithoutResult((status) -> {
			Article article = this.articles.saveAndFlush(new Article("First", "draft"));
			article.setTitle("Second");
			this.entityManager.flush();
			article.setStatus("published");
		});

		ItemChange change = single("articles");
		assertThat(change.type()).isEqualTo(ChangeType.CREATE);
		assertThat(change.before()).isNull();
		assertThat(change.after()).containsEntry("title", "Second").containsEntry("status", "published");
	}

	@Test
	void updateThenUpdateInOneTransactionThenFirstBeforeAndLastAfter() {
		Integer id = this.articles.save(new Article("Twice", "draft")).getId();
		this.received.clear();

		this.transactions.executeWithoutResult((status) -> {
			Article article = this.articles.findById(id).orElseThrow();
			article.setStatus("published");
			this.entityManager.flush();
			article.setStatus("archived");
		});

		ItemChange change = single("articles");
		assertThat(change.type()).isEqualTo(ChangeType.UPDATE);
		assertThat(change.before()).containsEntry("status", "draft");
		assertThat(change.after()).containsEntry("status", "archived");
	}

	@Test
	void createThenDeleteInOneTransactionThenNothing() {
		this.transactions.executeWithoutResult((status) -> {
			Article article = this.articles.saveAndFlush(new Article("Fleeting", "draft"));
			this.articles.delete(article);
		});

		assertThat(this.received.of("articles")).isEmpty();
	}

	@Test
	void updateThenDeleteInOneTransactionThenDeleteWithTheOriginalRow() {
		Integer id = this.articles.save(new Article("Edited then gone", "draft")).getId();
		this.received.clear();

		this.transactions.executeWithoutResult((status) -> {
			Article article = this.articles.findById(id).orElseThrow();
			article.setTitle("Edited");
			this.entityManager.flush();
			this.articles.delete(article);
		});

		ItemChange change = single("articles");
		assertThat(change.type()).isEqualTo(ChangeType.DELETE);
		assertThat(change.before()).containsEntry("title", "Edited then gone");
		assertThat(change.after()).isNull();
	}

	@Test
	void innerRequiresNewCommitsThenOnlyItsChangesPublishedWhenOuterRollsBack() {
		TransactionTemplate requiresNew = new TransactionTemplate(this.transactionManager);
		requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

		Article inner = this.transactions.execute((status) -> {
			this.articles.saveAndFlush(new Article("Outer", "draft"));
			Article committed = requiresNew.execute((innerStatus) -> this.articles.save(new Article("Inner", "draft")));
			assertThat(this.received.of("articles")).hasSize(1);
			status.setRollbackOnly();
			return committed;
		});

		assertThat(this.received.of("articles")).singleElement()
			.satisfies((notification) -> assertThat(notification.changes()).extracting(ItemChange::key)
				.containsExactly(inner.getId()));
	}

	@Test
	void twoCollectionsInOneTransactionThenTwoNotificationsWithManyToOneAsKey() {
		Integer articleId = this.transactions.execute((status) -> {
			Integer id = this.articles.saveAndFlush(new Article("Commented", "draft")).getId();
			this.items.create(Accountability.system(), "comments", List.of(Map.of("article", id, "body", "First!")));
			return id;
		});

		assertThat(this.received.of("articles")).hasSize(1);
		ItemChange comment = single("comments");
		assertThat(comment.type()).isEqualTo(ChangeType.CREATE);
		assertThat(comment.after()).containsEntry("article", articleId).containsEntry("body", "First!");
	}

	@Test
	void updateThroughItemsServiceThenManyToOneKeyWithoutLoadingTheRelatedArticle() {
		Integer articleId = this.articles.save(new Article("Lazy", "draft")).getId();
		Object commentId = this.items
			.create(Accountability.system(), "comments", List.of(Map.of("article", articleId, "body", "Before")))
			.get(0);
		this.received.clear();

		this.transactions.executeWithoutResult((status) -> {
			this.items.update(Accountability.system(), "comments", List.of(commentId), Map.of("body", "After"));
			Comment comment = this.entityManager.find(Comment.class, commentId);
			assertThat(this.entityManagerFactory.getPersistenceUnitUtil().isLoaded(comment, "article")).isFalse();
		});

		ItemChange change = single("comments");
		assertThat(change.type()).isEqualTo(ChangeType.UPDATE);
		assertThat(change.before()).containsEntry("article", articleId).containsEntry("body", "Before");
		assertThat(change.after()).containsEntry("article", articleId).containsEntry("body", "After");
	}

	@Test
	void deleteThroughItemsServiceThenPublished() {
		Integer id = this.articles.save(new Article("Deleted by the API", "draft")).getId();
		this.received.clear();

		this.items.delete(Accountability.system(), "articles", List.of(id));

		assertThat(single("articles").type()).isEqualTo(ChangeType.DELETE);
	}

	@Test
	void entityManagerDrivenByTheHostThenPublishedAfterItsCommitOnly() {
		EntityManager own = this.entityManagerFactory.createEntityManager();
		try {
			own.getTransaction().begin();
			Article article = new Article("Own transaction", "draft");
			own.persist(article);
			own.flush();
			assertThat(this.received.of("articles")).isEmpty();
			own.getTransaction().commit();
			assertThat(single("articles").key()).isEqualTo(article.getId());

			this.received.clear();
			own.getTransaction().begin();
			own.persist(new Article("Own rollback", "draft"));
			own.flush();
			own.getTransaction().rollback();
			assertThat(this.received.of("articles")).isEmpty();
		}
		finally {
			own.close();
		}
	}

	@Test
	void createThroughRestThenPublished() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		JsonMapper json = JsonMapper.builder().build();
		String login = http
			.send(request("/auth/login", null,
					"{\"email\":\"admin@example.com\",\"password\":\"admin-password-123\",\"mode\":\"json\"}"),
					BodyHandlers.ofString())
			.body();
		String token = json.readTree(login).path("data").path("access_token").asString();

		int status = http.send(request("/items/articles", token, "{\"title\":\"Over HTTP\"}"), BodyHandlers.ofString())
			.statusCode();

		assertThat(status).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.received.of("articles")).singleElement()
				.satisfies((notification) -> assertThat(notification.changes().get(0).after()).containsEntry("title",
						"Over HTTP")));
	}

	private HttpRequest request(String path, String token, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return request.build();
	}

	private ItemChange single(String collection) {
		List<ChangeNotification> notifications = this.received.of(collection);
		assertThat(notifications).hasSize(1);
		assertThat(notifications.get(0).changes()).hasSize(1);
		return notifications.get(0).changes().get(0);
	}

	/**
	 * What a host adds: its own Spring Data repositories, and a receiver on the bus.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	@EnableJpaRepositories(basePackageClasses = ArticleRepository.class)
	static class HostRepositories {

		@Bean
		ReceivedChanges receivedChanges(ChangeBus bus, JdbcTemplate jdbc) {
			return new ReceivedChanges(bus, jdbc);
		}

	}

}
