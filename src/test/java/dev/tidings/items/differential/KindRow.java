package dev.tidings.items.differential;

import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code probe_kinds} as plain values. The in-memory side of the differential
 * test does not read these: it evaluates the snapshots the change listener records when
 * the row is stored, as a realtime push does.
 */
record KindRow(int id, @Nullable ProbeLevel grade, @Nullable ProbeLevel priority, boolean spot, @Nullable String aisle,
		@Nullable Integer bay, @Nullable Locale tongue, @Nullable LocalTime opens, @Nullable LocalDateTime seen,
		@Nullable OffsetDateTime held, @Nullable BigInteger big, @Nullable Character mark) {

	void persist(EntityManager entityManager) {
		ProbeSpot embedded = this.spot ? new ProbeSpot(this.aisle, this.bay) : null;
		entityManager.persist(new ProbeKinds(this.id).values(this.grade, this.priority, embedded, this.tongue,
				this.opens, this.seen, this.held, this.big, this.mark));
	}

	/** The row as a line of text, strings quoted so spaces show. */
	@Override
	public String toString() {
		Map<String, @Nullable Object> values = new LinkedHashMap<>();
		values.put("id", this.id);
		values.put("grade", this.grade);
		values.put("priority", this.priority);
		values.put("spot", this.spot ? "{aisle=" + Dataset.show(this.aisle) + ", bay=" + this.bay + "}" : null);
		values.put("tongue", (this.tongue != null) ? this.tongue.toLanguageTag() : null);
		values.put("opens", this.opens);
		values.put("seen", this.seen);
		values.put("held", this.held);
		values.put("big", this.big);
		values.put("mark", (this.mark != null) ? Dataset.show(String.valueOf(this.mark)) : null);
		return values.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + entry.getValue())
			.collect(Collectors.joining(", ", "{", "}"));
	}

}
