package dev.tidings.library;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tidings.items.ItemsService;
import dev.tidings.realtime.SocketClient;
import dev.tidings.rest.ApiClient;
import dev.tidings.security.Accountability;
import dev.tidings.security.CurrentCaller;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Directus's {@code user_created}, {@code user_updated}, {@code date_created} and
 * {@code date_updated} from Spring Data's auditing fed by the Tidings caller, whichever
 * way the write comes: REST, a WebSocket {@code items} message, or host code acting for a
 * caller (or for nobody). {@code user_created} is a many-to-one to users like any other:
 * expandable for whoever may read users, a key for the others.
 */
@SpringBootTest(classes = LibraryTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.flyway.enabled=false",
				"tidings.websockets.enabled=true",
				"spring.datasource.url=jdbc:h2:mem:library-auditing;DB_CLOSE_DELAY=-1" })
@TestInstance(Lifecycle.PER_CLASS)
class AuditingApiTests {

	private static final String LIBRARIAN = "librarian@example.com";

	private static final String PASSWORD = "librarian-password-123";

	private final int port;

	private final JdbcTemplate jdbc;

	private final ItemsService items;

	private UUID librarian;

	private UUID admin;

	AuditingApiTests(@LocalServerPort int port, @Autowired JdbcTemplate jdbc, @Autowired ItemsService items) {
		this.port = port;
		this.jdbc = jdbc;
		this.items = items;
	}

	/** A librarian who may create, read and update books, and nothing else. */
	@BeforeAll
	void librarian() {
		Accountability system = Accountability.system();
		Object policy = create(system, "directus_policies",
				Map.of("name", "Librarian", "admin_access", false, "app_access", false));
		for (String action : List.of("create", "read", "update")) {
			Map<String, Object> permission = new LinkedHashMap<>();
			permission.put("policy", policy);
			permission.put("collection", "books");
			permission.put("action", action);
			permission.put("fields", List.of("*"));
			permission.put("permissions", Map.of());
			permission.put("validation", Map.of());
			create(system, "directus_permissions", permission);
		}
		Object role = create(system, "directus_roles", Map.of("name", "Librarian"));
		create(system, "directus_access", Map.of("role", role, "policy", policy));
		this.librarian = (UUID) create(system, "directus_users",
				Map.of("email", LIBRARIAN, "password", PASSWORD, "role", role));
		this.admin = this.jdbc.queryForObject("SELECT id FROM tidings_users WHERE email = ?", UUID.class,
				ApiClient.ADMIN_EMAIL);
	}

	@Test
	void createOverRestThenUserCreatedIsTheCallerExpandableByWhoMayReadUsers() {
		ApiClient asLibrarian = new ApiClient(this.port).as(LIBRARIAN, PASSWORD);
		ApiClient asAdmin = new ApiClient(this.port).asAdmin();

		Map<String, Object> created = asLibrarian.post("/items/books", "{\"title\":\"Audited\"}").item();

		assertThat(created).containsEntry("user_created", this.librarian.toString())
			.containsEntry("user_updated", null)
			.containsEntry("date_updated", null);
		assertThat(created.get("date_created")).isNotNull();
		Object id = created.get("id");
		assertThat(asAdmin.get("/items/books/" + id + "?fields=title,user_created.email").item())
			.isEqualTo(Map.of("title", "Audited", "user_created", Map.of("email", LIBRARIAN)));
		// the librarian may not read users: the relation stays a key, as any unreadable
		// relation
		assertThat(asLibrarian.get("/items/books/" + id + "?fields=*.*").item()).containsEntry("user_created",
				this.librarian.toString());
		asLibrarian.get("/items/books/" + id + "?fields=user_created.email").error(403, "FORBIDDEN");
		assertThat(
				asAdmin.get("/items/books?fields=id&filter%5Buser_created%5D%5Bemail%5D%5B_eq%5D=" + LIBRARIAN).items())
			.extracting((book) -> book.get("id"))
			.contains(id);
	}

	@Test
	void updateOverRestThenUserUpdatedIsTheCallerAndUserCreatedStays() {
		ApiClient asLibrarian = new ApiClient(this.port).as(LIBRARIAN, PASSWORD);
		Object id = asLibrarian.post("/items/books", "{\"title\":\"Draft\"}").item().get("id");

		Map<String, Object> updated = new ApiClient(this.port).asAdmin()
			.patch("/items/books/" + id, "{\"title\":\"Final\"}")
			.item();

		assertThat(updated).containsEntry("user_created", this.librarian.toString())
			.containsEntry("user_updated", this.admin.toString());
		assertThat(updated.get("date_updated")).isNotNull();
	}

	@Test
	void createOverTheSocketThenUserCreatedIsTheCallerAndThePushCarriesItsKey() {
		String token = SocketClient.token(this.port, LIBRARIAN, PASSWORD);
		try (SocketClient watcher = SocketClient.open(this.port,
				"?access_token=" + SocketClient.token(this.port, ApiClient.ADMIN_EMAIL, ApiClient.ADMIN_PASSWORD));
				SocketClient writer = SocketClient.open(this.port, "?access_token=" + token)) {
			assertThat(watcher.ask(Map.of("type", "subscribe", "collection", "books", "query",
					Map.of("fields", List.of("title", "user_created")))))
				.containsEntry("event", "init");

			Map<String, Object> reply = writer.ask(Map.of("type", "items", "collection", "books", "action", "create",
					"data", Map.of("title", "By socket"), "query", Map.of("fields", List.of("user_created"))));

			assertThat(reply.get("data")).isEqualTo(Map.of("user_created", this.librarian.toString()));
			assertThat(watcher.next()).containsEntry("event", "create")
				.containsEntry("data",
						List.of(Map.of("title", "By socket", "user_created", this.librarian.toString())));
		}
	}

	@Test
	void saveFromHostCodeThenTheCurrentCallerOrNobody(@Autowired EntityManager entityManager,
			@Autowired TransactionTemplate transactions) {
		Accountability caller = new Accountability(this.librarian, null, List.of(), List.of(), false, false);

		Integer forCaller = CurrentCaller.as(caller, () -> transactions.execute((status) -> {
			Book book = new Book("Host, for a caller");
			entityManager.persist(book);
			return book.getId();
		}));
		Integer forNobody = transactions.execute((status) -> {
			Book book = new Book("Host, for nobody");
			entityManager.persist(book);
			return book.getId();
		});

		assertThat(this.jdbc.queryForObject("SELECT user_created FROM books WHERE id = ?", UUID.class, forCaller))
			.isEqualTo(this.librarian);
		assertThat(this.jdbc.queryForObject("SELECT user_created FROM books WHERE id = ?", UUID.class, forNobody))
			.isNull();
		assertThat(this.jdbc.queryForObject("SELECT date_created FROM books WHERE id = ?", Object.class, forNobody))
			.isNotNull();
		assertThat(CurrentCaller.get()).isEmpty();
	}

	private Object create(Accountability who, String collection, Map<String, Object> item) {
		return this.items.create(who, collection, List.of(item)).get(0);
	}

}
