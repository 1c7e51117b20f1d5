package dev.tidings.realtime.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The wire format against golden fixtures in {@code src/test/resources/protocol}: one per
 * message type in each direction, decoded or encoded by the codec and compared as JSON
 * (key order is irrelevant on the wire).
 */
class ProtocolCodecTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final ProtocolCodec codec = new ProtocolCodec();

	@Test
	void everyInboundFixtureDecodesToItsMessage() {
		Map<String, ClientMessage> expected = Map.of("auth",
				new ClientMessage.Auth("a1", "eyJhbGciOiJIUzI1NiJ9.e30.sig", null, null, null), "subscribe",
				new ClientMessage.Subscribe("1", "articles", "create", 15,
						Map.of("fields", "id,title", "filter", "{\"status\":{\"_eq\":\"published\"}}"), null),
				"unsubscribe", new ClientMessage.Unsubscribe("1"), "items",
				new ClientMessage.Items(7, "articles", "update", Map.of("status", "archived"), null, List.of(1, 2),
						Map.of("fields", List.of("id", "status"))),
				"ping", new ClientMessage.Ping("p"), "pong", new ClientMessage.Pong(null));
		assertThat(expected.keySet()).containsExactlyInAnyOrderElementsOf(ClientMessage.TYPES);
		expected.forEach((type, message) -> {
			ProtocolCodec.Decoded decoded = this.codec.decode(fixture("in/" + type + ".json"));
			assertThat(decoded).as(type).isEqualTo(new ProtocolCodec.Decoded.Message(message));
			assertThat(message.type()).isEqualTo(type);
		});
	}

	@Test
	void everyOutboundMessageEncodesAsItsFixture() {
		Map<String, ServerMessage> messages = Map.of("auth-ok", new ServerMessage.AuthOk("a1", "new-refresh-token"),
				"error",
				new ServerMessage.ErrorReply("subscribe", "1", "FORBIDDEN",
						"You don't have permission to access this."),
				"subscription",
				new ServerMessage.Subscription("init", List.of(Map.of("id", 1, "title", "A")),
						Map.of("total_count", 42), "1"),
				"items", new ServerMessage.Items(Map.of("id", 15, "title", "A"), null, 7), "ping",
				new ServerMessage.Ping(), "pong", new ServerMessage.Pong("p"));
		assertThat(messages.values()).extracting(Object::getClass)
			.containsExactlyInAnyOrder(ServerMessage.class.getPermittedSubclasses());
		messages.forEach((name, message) -> assertThat(json.readTree(this.codec.encode(message))).as(name)
			.isEqualTo(json.readTree(fixture("out/" + name + ".json"))));
	}

	@Test
	void absentKeysAreLeftOutNeverNull() {
		assertThat(this.codec.encode(new ServerMessage.AuthOk(null, null)))
			.isEqualTo("{\"type\":\"auth\",\"status\":\"ok\"}");
		assertThat(this.codec.encode(new ServerMessage.Subscription("init", null, null, "u")))
			.isEqualTo("{\"type\":\"subscription\",\"event\":\"init\",\"uid\":\"u\"}");
	}

	@Test
	void badFramesDecodeToTheirErrorReply() {
		assertThat(reply("nope")).isEqualTo(new ServerMessage.ErrorReply("server", null, "INVALID_PAYLOAD",
				"Unable to parse the incoming message."));
		assertThat(reply("{\"type\":1}").type()).isEqualTo("server");
		assertThat(reply("[]").type()).isEqualTo("server");
		ServerMessage.ErrorReply wrong = reply("{\"type\":\"items\",\"collection\":[1],\"uid\":\"w\"}");
		assertThat(wrong.type()).isEqualTo("items");
		assertThat(wrong.uid()).isEqualTo("w");
		assertThat(wrong.error().message()).contains("\"collection\"");
		assertThat(reply("{\"type\":\"ping\",\"uid\":true}").error().code()).isEqualTo("INVALID_PAYLOAD");
		assertThat(this.codec.decode("{\"type\":\"collab\"}")).isEqualTo(new ProtocolCodec.Decoded.Ignored("collab"));
	}

	@Test
	void uidTextIsWhatJavaScriptsStringGives() {
		assertThat(ProtocolCodec.uidText(1)).isEqualTo("1");
		assertThat(ProtocolCodec.uidText(new BigDecimal("2.50"))).isEqualTo("2.5");
		assertThat(ProtocolCodec.uidText("x")).isEqualTo("x");
		assertThat(ProtocolCodec.uidText(null)).isNull();
	}

	@Test
	void everyMessageTypeHasExactlyOneHandler() {
		List<MessageHandler<?>> handlers = List.of(new AuthHandler(null, null, null),
				new SubscribeHandler(null, null, null, null, 0, null), new UnsubscribeHandler(null),
				new ItemsHandler(null, null, null), new PingHandler(), new PongHandler());
		MessageRouter router = new MessageRouter(handlers);
		assertThat(router.handlers().keySet())
			.containsExactlyInAnyOrderElementsOf(Arrays.asList(ClientMessage.class.getPermittedSubclasses()));
		assertThatIllegalStateException()
			.isThrownBy(() -> new MessageRouter(List.of(new PingHandler(), new PingHandler())))
			.withMessageContaining("Two handlers");
		assertThatIllegalStateException().isThrownBy(() -> new MessageRouter(List.of(new PingHandler())))
			.withMessageContaining("No handler");
	}

	private ServerMessage.ErrorReply reply(String frame) {
		ProtocolCodec.Decoded decoded = this.codec.decode(frame);
		assertThat(decoded).isInstanceOf(ProtocolCodec.Decoded.Invalid.class);
		return ((ProtocolCodec.Decoded.Invalid) decoded).reply();
	}

	private static String fixture(String name) {
		try (InputStream in = ProtocolCodecTests.class.getResourceAsStream("/protocol/" + name)) {
			assertThat(in).as(name).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
