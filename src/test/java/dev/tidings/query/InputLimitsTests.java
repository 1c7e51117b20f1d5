package dev.tidings.query;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.tidings.schema.Decimals;

import static dev.tidings.query.Failures.assertInvalidQuery;
import static dev.tidings.query.Failures.assertInvalidQueryMentioning;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class InputLimitsTests {

	private final InputLimits limits = new InputLimits(4, 40, 30, 50, 10);

	private final QueryParser parser = new QueryParser(new MiniJson(), this.limits);

	@Test
	void violationWhenANestedNumberHasAHugeExponentOrScaleThenNamed() {
		assertThat(this.limits.violation(Map.of("a", List.of(1, new BigDecimal("1e900000000"))))).contains("exponent");
		assertThat(this.limits.violation(List.of(new BigDecimal("1e-51")))).contains("exponent");
		assertThat(this.limits.violation(new BigInteger("9".repeat(60)))).contains("exponent");
		assertThat(this.limits.violation(Map.of("a", List.of(new BigDecimal("1.5e48"), "1e900000000", 2.5)))).isNull();
	}

	@Test
	void decimalsWhenBeyondTheCeilingsThenRefusedWithoutExpanding() {
		assertThatExceptionOfType(NumberFormatException.class).isThrownBy(() -> Decimals.parse("1e900000000"));
		assertThatExceptionOfType(NumberFormatException.class).isThrownBy(() -> Decimals.parse("1".repeat(1001)));
		assertThatExceptionOfType(NumberFormatException.class)
			.isThrownBy(() -> Decimals.checked(new BigDecimal("1e-1001")));
		assertThat(Decimals.parse(" 1e999 ")).isEqualByComparingTo(BigDecimal.TEN.pow(999));
	}

	@Test
	void urlKeyWithMoreBracketsThanTheDepthThenInvalidQuery() {
		assertInvalidQuery(() -> this.parser.fromUrl(Map.of("filter[a][b][c][d][_eq]", List.of("1"))),
				"\"filter\" is nested deeper than 4 levels");
		assertThat(this.parser.fromUrl(Map.of("filter[a][b][c][_eq]", List.of("1"))).filter()).isNotNull();
	}

	@Test
	void urlValueLongerThanTheStringLimitThenInvalidQuery() {
		assertInvalidQueryMentioning(() -> this.parser.fromUrl(Map.of("search", List.of("s".repeat(41)))),
				"longer than 40");
	}

	@Test
	void limitWhenMinusOneThenTheCeilingAndAboveItRefused() {
		assertThat(this.parser.fromUrl(Map.of("limit", List.of("-1"))).limit()).isEqualTo(10);
		assertThat(this.parser.fromUrl(Map.of("limit", List.of("10"))).limit()).isEqualTo(10);
		assertThat(this.parser.fromUrl(Map.of()).limit()).isEqualTo(10);
		assertInvalidQuery(() -> this.parser.fromUrl(Map.of("limit", List.of("11"))),
				"\"limit\" must be less than or equal to 10");
		assertThat(new QueryParser(new MiniJson()).fromUrl(Map.of("limit", List.of("-1"))).limit()).isEqualTo(-1);
	}

}
