package dev.tidings.realtime.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tidings.security.Accountability;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A session that keeps every frame it is sent, for tests without a socket; counts how
 * often the dispatcher looked at it, which tells a test how many notifications it has
 * dispatched.
 */
class RecordingSession implements ClientSession {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final AtomicInteger ids = new AtomicInteger();

	private final String id = "session-" + ids.incrementAndGet();

	private final @Nullable Accountability caller;

	private final List<String> frames = new CopyOnWriteArrayList<>();

	private final AtomicInteger looks = new AtomicInteger();

	private volatile boolean open = true;

	private volatile boolean shed;

	RecordingSession(@Nullable Accountability caller) {
		this.caller = caller;
	}

	@Override
	public String id() {
		return this.id;
	}

	@Override
	public @Nullable Accountability caller() {
		this.looks.incrementAndGet();
		return this.caller;
	}

	@Override
	public void push(PushFrame frame) {
		this.frames.add(frame.text());
	}

	@Override
	public boolean isOpen() {
		return this.open;
	}

	void close() {
		this.open = false;
	}

	@Override
	public void shed() {
		this.shed = true;
		this.open = false;
	}

	boolean wasShed() {
		return this.shed;
	}

	int looks() {
		return this.looks.get();
	}

	List<String> frames() {
		return List.copyOf(this.frames);
	}

	@SuppressWarnings("unchecked")
	List<Map<String, @Nullable Object>> messages() {
		return this.frames.stream()
			.map((frame) -> (Map<String, @Nullable Object>) JSON.readValue(frame, Map.class))
			.toList();
	}

}
