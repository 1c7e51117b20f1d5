package dev.tidings.realtime.internal;

import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One session's frames waiting to be written, drained in order by one writer at a time
 * from a shared pool. Whoever hands a frame over (the dispatcher, a message handler, the
 * heartbeat) returns at once: only a writer thread ever waits on a client's socket, and a
 * client whose unsent frames outgrow the limit is cut off by {@code onOverflow}.
 * <p>
 * A drain writes every frame waiting, then {@code flush}es once: where the container
 * batches frames (Tomcat, see {@link SocketWriter}), the frames that queued up while the
 * session waited for a writer leave in a few socket writes instead of one each, the
 * kernel's cost per write being the floor of fan-out.
 * <p>
 * Pushes are told apart from other frames so that each one is reported to
 * {@code onPushed} once it is written, for the metrics.
 */
final class SendQueue {

	/**
	 * Frames (strings), pushes ({@link PushFrame}) and, in their place in line, actions
	 * such as a close.
	 */
	private final Queue<Object> frames = new ConcurrentLinkedQueue<>();

	private final AtomicLong queuedBytes = new AtomicLong();

	private final AtomicBoolean draining = new AtomicBoolean();

	private final Executor writers;

	private final Socket socket;

	private final long limitBytes;

	private final Runnable onOverflow;

	private final Consumer<PushFrame> onPushed;

	/** Where a drain writes. */
	interface Socket {

		/** Writes one frame; false when it could not. */
		boolean write(String frame);

		/** Writes one push; false when it could not. */
		boolean write(PushFrame push);

		/** Writes what the frames before left buffered. */
		void flush();

	}

	/**
	 * @param onPushed told of each push once it is written
	 */
	SendQueue(Executor writers, Socket socket, long limitBytes, Runnable onOverflow, Consumer<PushFrame> onPushed) {
		this.writers = writers;
		this.socket = socket;
		this.limitBytes = limitBytes;
		this.onOverflow = onOverflow;
		this.onPushed = onPushed;
	}

	void offer(String frame) {
		enqueue(frame, frame);
	}

	void offer(PushFrame push) {
		enqueue(push, push.text());
	}

	private void enqueue(Object frame, String text) {
		this.frames.add(frame);
		if (this.queuedBytes.addAndGet(size(text)) > this.limitBytes) {
			this.frames.clear();
			this.queuedBytes.set(0);
			// closing writes a close frame, which may wait on the same stalled client
			try {
				this.writers.execute(this.onOverflow);
			}
			catch (RejectedExecutionException ex) {
				// shutting down: the socket is closed anyway
			}
			return;
		}
		schedule();
	}

	/** Runs the action once every frame offered before it is written. */
	void then(Runnable action) {
		this.frames.add(action);
		schedule();
	}

	private void schedule() {
		if (this.draining.compareAndSet(false, true)) {
			try {
				this.writers.execute(this::drain);
			}
			catch (RejectedExecutionException ex) {
				// shutting down: nothing more will be written
				this.draining.set(false);
			}
		}
	}

	private void drain() {
		try {
			boolean unflushed = false;
			for (Object next = this.frames.poll(); next != null; next = this.frames.poll()) {
				if (next instanceof String frame) {
					this.queuedBytes.addAndGet(-size(frame));
					this.socket.write(frame);
					unflushed = true;
				}
				else if (next instanceof PushFrame push) {
					this.queuedBytes.addAndGet(-size(push.text()));
					if (this.socket.write(push)) {
						this.onPushed.accept(push);
					}
					unflushed = true;
				}
				else {
					if (unflushed) {
						this.socket.flush();
						unflushed = false;
					}
					((Runnable) next).run();
				}
			}
			if (unflushed) {
				this.socket.flush();
			}
		}
		finally {
			this.draining.set(false);
		}
		// a frame offered after the last poll but before the flag was cleared
		if (!this.frames.isEmpty()) {
			schedule();
		}
	}

	private static long size(String frame) {
		// close enough for a limit, without encoding every frame twice
		return (long) frame.length() * ((frame.length() < 256) ? 1 : 2);
	}

}
