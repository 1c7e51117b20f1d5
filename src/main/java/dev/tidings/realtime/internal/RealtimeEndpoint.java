package dev.tidings.realtime.internal;

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
import dev.tidings.security.Accountabilities;
import dev.tidings.security.Sessions;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * The raw {@link WebSocketHandler} of {@code /websocket}: opens a {@link SocketSession}
 * with its {@link SocketWriter} for each accepted upgrade, hands every frame to the
 * {@link InboundSteps}, and owns the threads all sockets share (the writers, the timers,
 * the revocation sweep).
 */
public final class RealtimeEndpoint implements WebSocketHandler, SmartLifecycle, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(RealtimeEndpoint.class);

	private final Map<String, SocketSession> sessions = new ConcurrentHashMap<>();

	private final RealtimeSettings settings;

	private static final int WRITERS = 16;

	private final SubscriptionIndex index;

	private final SessionTimers timers;

	private final UpgradeRules upgradeRules;

	private final SocketSession.Endpoint shared;

	private final InboundSteps inbound;

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
		ProtocolCodec codec = new ProtocolCodec(limits, settings.maxMessageSize());
		this.index = index;
		this.shared = new SocketSession.Endpoint(codec, callers, clock, settings.authMode() == AuthMode.PUBLIC,
				settings.rateLimit(), settings.maxMessageSize());
		this.timers = new SessionTimers(clock, settings.authTimeout(), codec);
		SocketOwners owners = new SocketOwners(settings.maxSocketsPerUser());
		AuthHandler auth = new AuthHandler(authentication, this.timers, owners);
		MessageQueries queries = new MessageQueries(codec, settings.maxQuerySize(), limits);
		MessageRouter router = new MessageRouter(
				List.of(auth,
						new SubscribeHandler(schemas, items, index, queries, settings.maxSubscriptionsPerSocket(),
								resumption),
						new UnsubscribeHandler(index), new ItemsHandler(schemas, items, queries), new PingHandler(),
						new PongHandler()));
		this.inbound = new InboundSteps(codec, auth, router, owners, new WorkBudgets(settings.maxWorkPerSecond()));
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

	/** How many sockets are open. */
	public int openSockets() {
		return this.sessions.size();
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession socket) {
		Identity identity = (Identity) socket.getAttributes().get(UpgradeRules.IDENTITY);
		Sessions.Client client = (Sessions.Client) socket.getAttributes().get(UpgradeRules.CLIENT);
		SocketWriter writer = new SocketWriter(socket, this.writers, this.settings.sendBufferLimit(),
				this.settings.sendTimeLimit(), this.metrics);
		SocketSession session = new SocketSession(socket.getId(), writer, this.shared, client, identity);
		this.sessions.put(socket.getId(), session);
		this.upgradeRules.established(socket.getId(), socket.getAttributes());
		if (identity == null) {
			this.timers.armHandshake(session);
		}
		else {
			this.timers.armExpiry(session, session.generation());
		}
	}

	@Override
	public void handleMessage(WebSocketSession socket, WebSocketMessage<?> message) {
		SocketSession session = this.sessions.get(socket.getId());
		if (session != null) {
			this.inbound.receive(session, message);
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
			session.closed();
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

}
