package dev.tidings.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.tidings.bench.Frames.Pushed;
import dev.tidings.bench.Semantics.Event;

/**
 * Every write of a run and every push received, checked as they come: a push must name a
 * write (by its unique title, or for a delete by its key), be the event that write owes the
 * session's kind, carry only fields the kind may see, and come once. At the end, every
 * push a reading session was owed must have come.
 */
final class Ledger {

	private static final int SHOWN = 10;

	private final Semantics semantics;

	private final Latencies latencies = new Latencies();

	private final List<Write> writes = new CopyOnWriteArrayList<>();

	private final Map<String, Write> byTitle = new ConcurrentHashMap<>();

	/** Per item key, its update and delete, to tell which one a delete push stands for. */
	private final Map<String, Write[]> byKey = new ConcurrentHashMap<>();

	private final Map<Kind, Integer> readers = new EnumMap<>(Kind.class);

	private final AtomicInteger seq = new AtomicInteger();

	private final AtomicLong pushes = new AtomicLong();

	private final AtomicLong duplicates = new AtomicLong();

	private final AtomicLong unauthorised = new AtomicLong();

	private final AtomicLong errors = new AtomicLong();

	private final List<String> problems = new CopyOnWriteArrayList<>();

	private volatile long missing;

	Ledger(Semantics semantics) {
		this.semantics = semantics;
	}

	/** The sessions that read and are owed pushes from now on, by kind. */
	synchronized void readers(List<Subscriber> sessions) {
		this.readers.clear();
		for (Subscriber session : sessions) {
			if (session.checked()) {
				this.readers.merge(session.kind(), 1, Integer::sum);
			}
		}
	}

	/** Records a write about to be sent; its pushes may arrive before it returns. */
	synchronized Write write(Event op, Item before, Item after) {
		Write write = new Write(this.seq.getAndIncrement(), op, before, after, this.semantics, this.readers,
				this.latencies);
		this.writes.add(write);
		if (op != Event.DELETE) {
			this.byTitle.put(after.title(), write);
		}
		if (op != Event.CREATE) {
			this.byKey.computeIfAbsent(before.id(), (key) -> new Write[2])[(op == Event.UPDATE) ? 0 : 1] = write;
		}
		return write;
	}

	int nextSeq() {
		return this.seq.get();
	}

	/** A push arrived at a session at this moment. */
	void pushed(Subscriber session, Event event, Pushed item, long at) {
		Write write = (event == Event.DELETE) ? deleteOf(session.kind(), item.key()) : this.byTitle.get(item.title());
		if (write == null) {
			problem(this.unauthorised, "push of an unknown write: " + event + " " + item + " to " + session);
			return;
		}
		if (write.expected(session.kind()) != event) {
			problem(this.unauthorised, "unexpected " + event + " of write " + write.seq + " (" + write.op + " "
					+ write.after + ") to " + session + ", owed " + write.expected(session.kind()));
			return;
		}
		if (event != Event.DELETE && !session.kind().allows(item.fields())) {
			problem(this.unauthorised, "fields " + item.fields() + " of write " + write.seq + " to " + session);
			return;
		}
		if (!session.receipt(write.seq)) {
			problem(this.duplicates, "write " + write.seq + " pushed twice to " + session);
			return;
		}
		this.pushes.incrementAndGet();
		write.arrived(at);
	}

	/** The update or delete of that key that owes this kind a delete push. */
	private Write deleteOf(Kind kind, String key) {
		Write[] writes = this.byKey.get(key);
		if (writes == null) {
			return null;
		}
		for (Write write : writes) {
			if (write != null && write.expected(kind) == Event.DELETE) {
				return write;
			}
		}
		return (writes[1] != null) ? writes[1] : writes[0];
	}

	/** An error frame or an unexpected close. */
	void error(String what) {
		problem(this.errors, what);
	}

	private void problem(AtomicLong counter, String what) {
		counter.incrementAndGet();
		if (this.problems.size() < SHOWN) {
			this.problems.add(what);
		}
	}

	/** Counts the pushes owed to reading sessions that never came. */
	void checkMissing(List<Subscriber> sessions) {
		long count = 0;
		for (Subscriber session : sessions) {
			for (Write write : this.writes) {
				if (write.seq >= session.checkedFrom() && write.seq < session.checkedUntil() && write.expected(session.kind()) != null
						&& !session.received(write.seq)) {
					if (count++ < SHOWN) {
						this.problems.add("write " + write.seq + " (" + write.op + " " + write.after + ") never reached "
								+ session + " (owed " + write.expected(session.kind()) + ")");
					}
				}
			}
		}
		this.missing = count;
	}

	/** Total pushes owed so far, and how many came. */
	long owed() {
		return this.writes.stream().mapToLong(Write::expectedPushes).sum();
	}

	long pushes() {
		return this.pushes.get();
	}

	List<Write> writes() {
		return new ArrayList<>(this.writes);
	}

	Latencies latencies() {
		return this.latencies;
	}

	/** Missing, duplicate, unauthorised pushes and errors, as one verdict. */
	Verdict verdict() {
		return new Verdict(this.missing, this.duplicates.get(), this.unauthorised.get(), this.errors.get(),
				List.copyOf(this.problems));
	}

	record Verdict(long missing, long duplicates, long unauthorised, long errors, List<String> problems) {

		boolean passed() {
			return this.missing == 0 && this.duplicates == 0 && this.unauthorised == 0 && this.errors == 0;
		}

		@Override
		public String toString() {
			return passed() ? "pass" : "FAIL: " + this.missing + " missing, " + this.duplicates + " duplicate, "
					+ this.unauthorised + " unauthorised, " + this.errors + " errors";
		}

	}

}
