package dev.tidings.realtime.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tidings.items.ItemsService;
import dev.tidings.query.InputLimits;
import dev.tidings.realtime.RealtimeMetrics;
import dev.tidings.realtime.RealtimeSettings;
import dev.tidings.realtime.RealtimeSettings.AuthMode;
import dev.tidings.schema.SchemaRegistry;
import dev.tidings.security.CurrentCaller;
import dev.tidings.security.Accountabilities;
import dev.tidings.security.Sessions;
import jakarta.websocket.RemoteEndpoint;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/**
 * The raw {@link WebSocketHandler} of {@code /websocket}: assembles frames within the
 * size limit, runs the handshake of handshake-mode sockets, applies the per-connection
 * rate limit, decodes, and routes each message to its handler on the socket's own thread,
 * so one client's requests are answered in order. A message never costs more than its
 * reply; anything that escapes closes that socket alone with 1011.
 */
public final class RealtimeEndpoint implements WebSocketHandler, SmartLifecycle, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(RealtimeEndpoint.class);

	private final Map<String, SocketSession> sessions = new ConcurrentHashMap<>();

	private final RealtimeSettings settings;

	private static final int WRITERS = 16;

	private final SubscriptionIndex index;

	private final Accountabilities callers;

	private final Clock clock;

	private final ProtocolCodec codec;

	private final SessionTimers timers;

	private final AuthHandler auth;

	private final MessageRouter router;

	private final UpgradeRules upgradeRules;

	private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

	private final SocketOwners owners;

	/** The server time each owner's messages may take, across its sockets. */
	private final WorkBudgets work;

	private final RevocationSweep revocations;

	private final RealtimeMetrics metrics;

	private volatile boolean running;

	/**
	 * Writes queued frames to sockets, so no dispatcher or handler thread waits on a
	 * client; a stalled client holds one writer for at most the send time limit.
	 */
	private final ExecutorService writers = Executors.newFixedThreadPool(WRITERS, new ThreadFactory() {

		private final AtomicInteger count = new AtomicInteger();

		@Override
		public Thread newThread(Runnable task) {
			Thread thread = new Thread(task, "tidings-ws-send-" + this.count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		}

	});

	/**
	 * @param cors the application's CORS configuration, whose origins a browser's socket
	 * must come from when no allowed origins are set; or null
	 * @param metrics told of every push written and every socket cut off for slowness
	 * @param resumption cursors and {@code since}, when there is a change log; or null
	 */
	public RealtimeEndpoint(RealtimeSettings settings, SubscriptionIndex index, Authentication authentication,
			Accountabilities callers, ItemsService items, SchemaRegistry schemas, Clock clock, InputLimits limits,
			@Nullable CorsConfigurationSource cors, RealtimeMetrics metrics, @Nullable Resumption resumption) {
		this.settings = settings;
		this.metrics = metrics;
		this.codec = new ProtocolCodec(limits, settings.maxMessageSize());
		this.index = index;
		this.callers = callers;
		this.clock = clock;
		this.timers = new SessionTimers(clock, settings.authTimeout(), this.codec);
		SocketOwners owners = new SocketOwners(settings.maxSocketsPerUser());
		this.owners = owners;
		this.work = new WorkBudgets(settings.maxWorkPerSecond());
		this.auth = new AuthHandler(authentication, this.timers, owners);
		MessageQueries queries = new MessageQueries(this.codec, settings.maxQuerySize(), limits);
		this.router = new MessageRouter(
				List.of(this.auth,
						new SubscribeHandler(schemas, items, index, queries, settings.maxSubscriptionsPerSocket(),
								resumption),
						new UnsubscribeHandler(index), new ItemsHandler(schemas, items, queries), new PingHandler(),
						new PongHandler()));
		this.upgradeRules = new UpgradeRules(settings, authentication, new ConnectionSlots(settings.maxConnections()),
				owners, cors);
		this.revocations = new RevocationSweep(this.sessions::values, this.timers);
	}

	/**
	 * Something in the security model changed and is committed: every open socket's
	 * credential is checked again, off the calling thread.
	 */
	public void securityChanged() {
		this.revocations.securityChanged();
	}

	/** The rules every upgrade request must pass. */
	public UpgradeRules upgradeRules() {
		return this.upgradeRules;
	}

	MessageRouter router() {
		return this.router;
	}

	/** How many sockets are open. */
	public int openSockets() {
		return this.sessions.size();
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession socket) {
		WebSocketSession decorated = new ConcurrentWebSocketSessionDecorator(socket,
				(int) this.settings.sendTimeLimit().toMillis(), this.settings.sendBufferLimit(),
				ConcurrentWebSocketSessionDecorator.OverflowStrategy.TERMINATE);
		Identity identity = (Identity) socket.getAttributes().get(UpgradeRules.IDENTITY);
		Sessions.Client client = (Sessions.Client) socket.getAttributes().get(UpgradeRules.CLIENT);
		RemoteEndpoint.Basic batch = null;
		if (socket instanceof NativeWebSocketSession wrapper
				&& wrapper.getNativeSession() instanceof jakarta.websocket.Session container) {
			// Tomcat's blocking write otherwise waits 20 s for a client that stopped
			// reading
			container.getUserProperties()
				.put("org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT", this.settings.sendTimeLimit().toMillis());
			batch = batching(container);
		}
		SocketSession session = new SocketSession(decorated, this.codec, this.callers, this.clock,
				this.settings.authMode() == AuthMode.PUBLIC, client, identity, this.settings.rateLimit(),
				this.settings.maxMessageSize(), this.writers, this.settings.sendBufferLimit(), batch, this.metrics);
		this.sessions.put(socket.getId(), session);
		this.upgradeRules.established(socket.getId(), socket.getAttributes());
		if (identity == null) {
			this.timers.armHandshake(session);
		}
		else {
			this.timers.armExpiry(session, session.generation());
		}
	}

	/**
	 * Lets the container gather the frames of one drain of the outbox into its output
	 * buffer and write them together when the outbox flushes; null where it cannot (the
	 * outbox then writes frame by frame, as before).
	 */
	private static RemoteEndpoint.@Nullable Basic batching(jakarta.websocket.Session container) {
		try {
			RemoteEndpoint.Basic remote = container.getBasicRemote();
			remote.setBatchingAllowed(true);
			return remote.getBatchingAllowed() ? remote : null;
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("WebSocket {} writes frame by frame: batching refused", container.getId(), ex);
			return null;
		}
	}

	@Override
	public void handleMessage(WebSocketSession socket, WebSocketMessage<?> message) {
		SocketSession session = this.sessions.get(socket.getId());
		if (session == null) {
			return;
		}
		try {
			String text = null;
			if (message instanceof TextMessage textMessage) {
				text = session.frames().text(textMessage.getPayload(), textMessage.isLast());
			}
			else if (message instanceof BinaryMessage binary) {
				text = session.frames().bytes(bytes(binary.getPayload()), binary.isLast());
			}
			if (text != null) {
				onMessage(session, text);
			}
		}
		catch (FrameAssembler.TooLarge ex) {
			session.close(CloseReasons.TOO_BIG);
		}
		catch (RuntimeException ex) {
			logger.error("Closing WebSocket {} after an unexpected failure", session.id(), ex);
			session.close(CloseReasons.SERVER_ERROR);
		}
	}

	private void onMessage(SocketSession session, String text) {
		if (session.phase() == SocketSession.Phase.HANDSHAKE) {
			if (this.codec.decode(text) instanceof ProtocolCodec.Decoded.Message decoded
					&& decoded.message() instanceof ClientMessage.Auth message) {
				this.auth.handshake(session, message);
			}
			else {
				this.auth.failHandshake(session);
			}
			return;
		}
		long start = System.nanoTime();
		if (!session.budget().take(start)) {
			session.reply(Errors.requestsExceeded(session.budget().retryAfterMillis()));
			return;
		}
		String owner = this.owners.ownerOf(session.id());
		long wait = (owner != null) ? this.work.waitMillis(owner, start) : 0;
		if (wait > 0) {
			session.reply(Errors.requestsExceeded(wait));
			return;
		}
		// CPU time, not elapsed time: on a busy machine a message waits for cores, and
		// that wait is nobody's cost
		long cpu = CPU.getCurrentThreadCpuTime();
		try {
			handle(session, text);
		}
		finally {
			if (owner != null) {
				this.work.spend(owner, CPU.getCurrentThreadCpuTime() - cpu, System.nanoTime());
			}
		}
	}

	private void handle(SocketSession session, String text) {
		ProtocolCodec.Decoded decoded = this.codec.decode(text);
		if (decoded instanceof ProtocolCodec.Decoded.Invalid invalid) {
			session.reply(invalid.reply());
		}
		else if (decoded instanceof ProtocolCodec.Decoded.Ignored) {
			session.markAlive();
		}
		else if (decoded instanceof ProtocolCodec.Decoded.Message routed) {
			if (!(routed.message() instanceof ClientMessage.Auth)) {
				session.markAlive();
			}
			// what the message writes is recorded as coming from the socket's client
			CurrentCaller.comingFrom(session.client());
			try {
				this.router.route(session, routed.message());
			}
			finally {
				CurrentCaller.comingFrom(null);
			}
		}
	}

	@Override
	public void handleTransportError(WebSocketSession socket, Throwable exception) {
		logger.debug("Transport error on WebSocket {}", socket.getId(), exception);
	}

	@Override
	public void afterConnectionClosed(WebSocketSession socket, CloseStatus closeStatus) {
		this.upgradeRules.closed(socket.getId(), socket.getAttributes());
		SocketSession session = this.sessions.remove(socket.getId());
		if (session != null) {
			session.markClosed();
			session.setTimer(null);
			this.index.removeAll(session);
		}
	}

	@Override
	public boolean supportsPartialMessages() {
		return true;
	}

	@Override
	public void start() {
		if (this.settings.heartbeatEnabled()) {
			this.timers.startHeartbeat(this.settings.heartbeatPeriod(), this.sessions::values);
		}
		this.running = true;
	}

	/**
	 * Closes every socket with 1001, so clients know to reconnect elsewhere. The endpoint
	 * may start again (a paused context); its threads end with {@link #close()}.
	 */
	@Override
	public void stop() {
		this.running = false;
		this.sessions.values().forEach((session) -> session.close(CloseReasons.SHUTDOWN));
		this.timers.stopHeartbeat();
	}

	/** Ends the endpoint's threads when the context closes. */
	@Override
	public void close() {
		this.revocations.close();
		this.timers.shutdown();
		this.writers.shutdown();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private static byte[] bytes(ByteBuffer buffer) {
		byte[] bytes = new byte[buffer.remaining()];
		buffer.get(bytes);
		return bytes;
	}

}
