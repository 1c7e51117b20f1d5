package dev.tidings.files;

import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import dev.tidings.app.TidingsApplication;
import dev.tidings.rest.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

/**
 * The standalone app on a fresh PostgreSQL database, migrated by its own migrations:
 * files (uuid keys, timestamps with time zone, the article's image relation) and comments
 * behave there as on H2.
 */
@Tag("postgres")
class FilesPostgresTests {

	private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";

	private static String database;

	private static Path root;

	private static ConfigurableApplicationContext app;

	private static ApiClient admin;

	@BeforeAll
	static void start() throws SQLException, IOException {
		database = "tidings_files_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		sql("CREATE DATABASE " + database);
		root = Files.createTempDirectory("tidings-files-pg-");
		app = new SpringApplicationBuilder(TidingsApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + POSTGRES + database, "--spring.datasource.username=postgres",
				"--spring.datasource.password=", "--spring.datasource.hikari.maximum-pool-size=4",
				"--tidings.storage.local.root=" + root);
		admin = new ApiClient(Integer.parseInt(app.getEnvironment().getProperty("local.server.port"))).asAdmin();
	}

	@AfterAll
	static void stop() throws SQLException {
		if (app != null) {
			app.close();
		}
		if (database != null) {
			sql("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
		}
	}

	@Test
	void uploadThenReadExpandAndDeleteOnPostgres() throws IOException {
		Multipart body = new Multipart().field("title", "Cover")
			.file("cover.bin", "application/octet-stream", Images.png(7, 5));

		Map<String, Object> file = admin
			.send("POST", "/files", body.contentType(), BodyPublishers.ofByteArray(body.bytes()))
			.item();

		assertThat(file).containsEntry("type", "image/png")
			.containsEntry("width", 7)
			.containsEntry("height", 5)
			.containsEntry("title", "Cover");
		assertThat(file.get("uploaded_on")).asString().endsWith("Z");
		String id = (String) file.get("id");
		admin.patch("/items/articles/1", ApiClient.json(Map.of("image", id))).item();
		assertThat(admin.get("/items/articles/1?fields=image.title,image.filesize").item().get("image"))
			.asInstanceOf(MAP)
			.containsEntry("title", "Cover")
			.containsEntry("filesize", Images.png(7, 5).length);
		assertThat(admin.get("/files?filter[type][_starts_with]=image/&fields=id").items()).contains(Map.of("id", id));

		assertThat(admin.delete("/files/" + id).status()).isEqualTo(204);
		assertThat(admin.get("/items/articles/1?fields=image").item()).containsEntry("image", null);
		assertThat(root.resolve(id + ".png")).doesNotExist();
	}

	@Test
	void commentsAreStoredAndFoundByTheirItemOnPostgres() {
		Map<String, Object> comment = admin
			.post("/comments", ApiClient.json(Map.of("collection", "articles", "item", 2, "comment", "On PostgreSQL")))
			.item();

		assertThat(comment.get("date_created")).asString().endsWith("Z");
		assertThat(admin.get("/comments?filter[item][_eq]=2&filter[collection][_eq]=articles&fields=comment").items())
			.containsExactly(Map.of("comment", "On PostgreSQL"));
	}

	private static void sql(String statement) throws SQLException {
		try (Connection connection = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "");
				Statement jdbc = connection.createStatement()) {
			jdbc.execute(statement);
		}
	}

}
