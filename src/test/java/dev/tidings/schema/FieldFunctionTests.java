package dev.tidings.schema;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FieldFunctionTests {

	@Test
	void parseWhenCallOfKnownFunctionThenFunctionAndArgument() {
		assertThat(FieldFunction.parse("year(published_at)"))
			.contains(new FieldFunction.Call(FieldFunction.YEAR, "published_at"));
		assertThat(FieldFunction.parse("count(comments)").orElseThrow().resultKey()).isEqualTo("comments_count");
	}

	@Test
	void parseWhenPlainNameOrUnknownFunctionThenEmpty() {
		assertThat(FieldFunction.parse("published_at")).isEmpty();
		assertThat(FieldFunction.parse("decade(published_at)")).isEmpty();
		assertThat(FieldFunction.parse("year(a(b))")).isEmpty();
	}

	@Test
	void applyWhenInstantThenPartsInUtc() {
		// 2024-12-31 23:30 in UTC is already 2025 in Paris: the year stays UTC's
		Instant instant = OffsetDateTime.parse("2025-01-01T00:30:00+01:00").toInstant();
		assertThat(FieldFunction.YEAR.apply(instant)).isEqualTo(2024);
		assertThat(FieldFunction.HOUR.apply(instant)).isEqualTo(23);
		assertThat(FieldFunction.MINUTE.apply(instant)).isEqualTo(30);
	}

	@Test
	void applyWhenWeekThenIsoWeekAndWeekdayFromSundayZero() {
		// 2023-01-01 is a Sunday in ISO week 52 of 2022, as PostgreSQL's EXTRACT says
		LocalDate sunday = LocalDate.of(2023, 1, 1);
		assertThat(FieldFunction.WEEK.apply(sunday)).isEqualTo(52);
		assertThat(FieldFunction.WEEKDAY.apply(sunday)).isZero();
		assertThat(FieldFunction.WEEKDAY.apply(LocalDateTime.of(2023, 1, 7, 12, 0))).isEqualTo(6);
		assertThat(FieldFunction.SECOND.apply(LocalTime.of(8, 15, 42))).isEqualTo(42);
	}

	@Test
	void applyWhenCountThenSizeOfCollectionAndNullOtherwise() {
		assertThat(FieldFunction.COUNT.apply(List.of(1, 2, 3))).isEqualTo(3);
		assertThat(FieldFunction.COUNT.apply(null)).isNull();
		assertThat(FieldFunction.COUNT.apply("text")).isNull();
	}

}
