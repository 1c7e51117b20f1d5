package dev.tidings.items.differential;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.tidings.events.ChangeBus;
import dev.tidings.events.ChangeNotification;
import dev.tidings.events.ItemChange;
import dev.tidings.items.ItemsService;
import dev.tidings.items.internal.Dialects;
import dev.tidings.items.internal.ItemReader;
import dev.tidings.items.internal.SortOrders;
import dev.tidings.query.BoundFilter;
import dev.tidings.query.Query;
import dev.tidings.query.SortField;
import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.SchemaRegistry;
import dev.tidings.security.Accountability;
import dev.tidings.items.internal.CallerPermissions;
import dev.tidings.items.internal.VisibleValues;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One database holding the probe collections, in an application context of its own: an H2
 * in-memory database with a unique name, or a PostgreSQL schema with a unique name that
 * is dropped on {@link #close()}, so that concurrent builds never share tables. Reads go
 * through {@link ItemReader}, the Criteria translation under test.
 */
final class ProbeDatabase implements AutoCloseable {

	enum Kind {

		H2, POSTGRES

	}

	private static final String POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/test";

	private static final String POSTGRES_USER = "postgres";

	private final Kind kind;

	private final ConfigurableApplicationContext context;

	private final @Nullable String postgresSchema;

	private final EntityManager entityManager;

	private final TransactionTemplate writes;

	private final TransactionTemplate reads;

	private final SchemaRegistry schemas;

	/** The probe reads as an administrator: nothing is masked. */
	private final VisibleValues trusted;

	private final ItemReader reader;

	/**
	 * The rows of {@code probe_kinds} as the change listener recorded them on their last
	 * commit, by key: what a realtime push evaluates.
	 */
	private final Map<Object, Map<String, @Nullable Object>> kindSnapshots = new ConcurrentHashMap<>();

	private ProbeDatabase(Kind kind, ConfigurableApplicationContext context, @Nullable String postgresSchema) {
		this.kind = kind;
		this.context = context;
		this.postgresSchema = postgresSchema;
		EntityManagerFactory entityManagerFactory = context.getBean(EntityManagerFactory.class);
		this.entityManager = SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory);
		PlatformTransactionManager transactionManager = context.getBean(PlatformTransactionManager.class);
		this.writes = new TransactionTemplate(transactionManager);
		this.reads = new TransactionTemplate(transactionManager);
		this.reads.setReadOnly(true);
		this.schemas = context.getBean(SchemaRegistry.class);
		this.trusted = VisibleValues.of(new CallerPermissions((who) -> Map.of(), Accountability.system(),
				java.time.Instant.now(), this.schemas), this.schemas);
		this.reader = new ItemReader(this.entityManager, this.schemas,
				new SortOrders(Dialects.isPostgres(entityManagerFactory)));
		context.getBean(ChangeBus.class).subscribe(this::recordKinds);
	}

	/** A started database holding one fixed dataset, closed again if loading it fails. */
	static ProbeDatabase startWith(Kind kind, Dataset dataset) {
		ProbeDatabase database = start(kind);
		try {
			database.replace(dataset);
		}
		catch (RuntimeException ex) {
			database.close();
			throw ex;
		}
		return database;
	}

	static ProbeDatabase start(Kind kind) {
		String unique = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		Map<String, Object> properties = new HashMap<>();
		String postgresSchema = null;
		if (kind == Kind.H2) {
			properties.put("spring.datasource.url", "jdbc:h2:mem:probe_" + unique + ";DB_CLOSE_DELAY=-1");
			properties.put("spring.datasource.username", "sa");
		}
		else {
			postgresSchema = "tidings_differential_" + unique;
			execute("CREATE SCHEMA IF NOT EXISTS " + postgresSchema);
			properties.put("spring.datasource.url",
					POSTGRES_URL + "?currentSchema=" + postgresSchema + "&reWriteBatchedInserts=true");
			properties.put("spring.datasource.username", POSTGRES_USER);
		}
		properties.put("spring.datasource.hikari.maximum-pool-size", 2);
		properties.put("spring.jpa.hibernate.ddl-auto", "create-drop");
		properties.put("spring.jpa.properties.hibernate.jdbc.batch_size", 100);
		properties.put("spring.jpa.properties.hibernate.order_inserts", true);
		properties.put("spring.flyway.enabled", false);
		properties.put("spring.main.banner-mode", "off");
		properties.put("logging.level.root", "warn");
		try {
			ConfigurableApplicationContext context = new SpringApplicationBuilder(DifferentialTestApplication.class)
				.web(WebApplicationType.NONE)
				.properties(properties)
				.run();
			return new ProbeDatabase(kind, context, postgresSchema);
		}
		catch (RuntimeException ex) {
			dropSchema(postgresSchema);
			throw ex;
		}
	}

	Kind kind() {
		return this.kind;
	}

	/**
	 * The items service of the probe application: the whole read path, as REST uses it.
	 */
	ItemsService items() {
		return this.context.getBean(ItemsService.class);
	}

	SchemaRegistry schemas() {
		return this.schemas;
	}

	CollectionSchema rows() {
		return this.schemas.require("probe_rows");
	}

	CollectionSchema kinds() {
		return this.schemas.require("probe_kinds");
	}

	/**
	 * Replaces the rows of {@code probe_kinds}, in one transaction, and answers them as
	 * the change listener recorded them when that transaction committed, by key.
	 */
	Map<Integer, Map<String, @Nullable Object>> replaceKinds(List<KindRow> rows) {
		this.kindSnapshots.clear();
		this.writes.executeWithoutResult((status) -> {
			this.entityManager.createQuery("delete from ProbeKinds").executeUpdate();
			rows.forEach((row) -> row.persist(this.entityManager));
		});
		Map<Integer, Map<String, @Nullable Object>> snapshots = new LinkedHashMap<>();
		for (KindRow row : rows) {
			Map<String, @Nullable Object> snapshot = this.kindSnapshots.get(row.id());
			if (snapshot == null) {
				throw new IllegalStateException("No change was recorded for probe_kinds " + row.id());
			}
			snapshots.put(row.id(), snapshot);
		}
		return snapshots;
	}

	/** The keys of the {@code probe_kinds} rows the Criteria translation selects. */
	Set<Integer> selectedKindKeys(BoundFilter bound) {
		Query query = new Query(List.of(), null, List.of(), -1, null, null, null, Set.of(), Map.of(), List.of());
		List<Integer> keys = this.reads.execute((status) -> {
			List<Integer> found = new ArrayList<>();
			for (Object entity : this.reader.entities(kinds(), bound, query, this.trusted)) {
				found.add(((ProbeKinds) entity).getId());
			}
			return found;
		});
		return (keys != null) ? new LinkedHashSet<>(keys) : Set.of();
	}

	private void recordKinds(ChangeNotification notification) {
		if (notification.collection().equals("probe_kinds")) {
			for (ItemChange change : notification.changes()) {
				if (change.after() != null) {
					this.kindSnapshots.put(change.key(), change.after());
				}
			}
		}
	}

	/** Replaces the content of every probe table by the dataset, in one transaction. */
	void replace(Dataset dataset) {
		this.writes.executeWithoutResult((status) -> {
			// Children first: they reference rows, which reference parents.
			this.entityManager.createQuery("delete from ProbeChild").executeUpdate();
			this.entityManager.createQuery("delete from ProbeRow").executeUpdate();
			this.entityManager.createQuery("delete from ProbeParent").executeUpdate();
			dataset.persist(this.entityManager);
		});
	}

	/** The keys of the rows the Criteria translation of a bound filter selects. */
	Set<Integer> selectedKeys(@Nullable BoundFilter bound) {
		return new LinkedHashSet<>(keys(bound, List.of()));
	}

	/** The keys of all rows in the order of {@code sort}. */
	List<Integer> sortedKeys(List<SortField> sort) {
		return keys(null, sort);
	}

	private List<Integer> keys(@Nullable BoundFilter bound, List<SortField> sort) {
		CollectionSchema rows = rows();
		Query query = new Query(List.of(), null, sort, -1, null, null, null, Set.of(), Map.of(), List.of());
		List<Integer> keys = this.reads.execute((status) -> {
			List<Integer> found = new ArrayList<>();
			for (Object entity : this.reader.entities(rows, bound, query, this.trusted)) {
				found.add(((ProbeRow) entity).getId());
			}
			return found;
		});
		return (keys != null) ? keys : List.of();
	}

	@Override
	public void close() {
		this.context.close();
		dropSchema(this.postgresSchema);
	}

	private static void dropSchema(@Nullable String schema) {
		if (schema != null) {
			execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
		}
	}

	private static void execute(String sql) {
		try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL at " + POSTGRES_URL + " failed: " + sql, ex);
		}
	}

}
