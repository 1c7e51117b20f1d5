package com.example.board;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board as its users meet it: log in through the board's own form, read the tasks
 * through Tidings' items API, and see a task the board adds arrive over the WebSocket.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BoardApplicationTests {

	@LocalServerPort
	int port;

	@Autowired
	TaskRepository tasks;

	@Test
	void memberLoggedInToTheBoardReadsTasksAndSeesNewOnesLive() throws Exception {
		this.tasks.save(new Task("Write the release notes"));
		CookieManager cookies = new CookieManager();
		HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
		String board = "http://localhost:" + this.port;
		logIn(browser, board, "alice", "alice-password");

		HttpResponse<String> read = browser.send(
				HttpRequest.newBuilder(URI.create(board + "/items/tasks?fields=title,done")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(read.body()).contains("{\"title\":\"Write the release notes\",\"done\":false}");

		BlockingQueue<String> frames = new LinkedBlockingQueue<>();
		WebSocket socket = browser.newWebSocketBuilder()
			.header("Cookie", "JSESSIONID=" + session(cookies))
			.buildAsync(URI.create("ws://localhost:" + this.port + "/websocket"), new Frames(frames))
			.join();
		socket.sendText("{\"type\":\"subscribe\",\"collection\":\"tasks\",\"query\":{\"fields\":[\"title\"]}}", true);
		assertThat(frames.poll(10, TimeUnit.SECONDS)).contains("\"event\":\"init\"");

		this.tasks.save(new Task("Ship it"));
		assertThat(frames.poll(10, TimeUnit.SECONDS)).contains("\"event\":\"create\"").contains("Ship it");
		socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
	}

	@Test
	void guestLoggedInToTheBoardMayNotReadTasks() throws Exception {
		HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String board = "http://localhost:" + this.port;
		logIn(browser, board, "guest", "guest-password");
		HttpResponse<String> read = browser.send(HttpRequest.newBuilder(URI.create(board + "/items/tasks")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(read.statusCode()).isEqualTo(403);
	}

	/** Logs in through the board's login form, as a browser does. */
	private static void logIn(HttpClient browser, String board, String user, String password) throws Exception {
		String page = browser
			.send(HttpRequest.newBuilder(URI.create(board + "/login")).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
		assertThat(csrf.find()).isTrue();
		String form = "username=" + user + "&password=" + password + "&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(board + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.headers().firstValue("Location")).hasValueSatisfying((to) -> assertThat(to).doesNotContain("error"));
	}

	private static String session(CookieManager cookies) {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals("JSESSIONID"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElseThrow();
	}

	/** Collects whole text frames. */
	private record Frames(BlockingQueue<String> queue, StringBuilder partial) implements WebSocket.Listener {

		Frames(BlockingQueue<String> queue) {
			this(queue, new StringBuilder());
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.partial.append(data);
			if (last) {
				this.queue.add(this.partial.toString());
				this.partial.setLength(0);
			}
			webSocket.request(1);
			return null;
		}

	}

}
