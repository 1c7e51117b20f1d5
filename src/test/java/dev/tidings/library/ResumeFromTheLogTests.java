package dev.tidings.library;

import dev.tidings.realtime.SocketClient;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resume tests with an instance that keeps no change in memory: what a client missed
 * is read from the log, and when it cannot be read the socket is closed, so that the
 * client resumes again rather than going on with a gap. Activity is off: its rows would
 * count against the retention of five changes.
 */
@SpringBootTest(classes = LibraryTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.flyway.enabled=false",
				"spring.datasource.url=jdbc:h2:mem:library-resume-from-log;DB_CLOSE_DELAY=-1",
				"tidings.websockets.enabled=true", "tidings.change-log.retention-events=5",
				"tidings.activity.enabled=false", "tidings.change-log.recent-in-memory=0" })
class ResumeFromTheLogTests extends ResumeTests {

	@Override
	void missedWhenTheLogIsSpoilt(SocketClient socket) {
		assertThat(socket.closeCode()).isEqualTo(4500);
	}

}
