package dev.tidings.fuzz;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import static dev.tidings.fuzz.Json.raw;
import static dev.tidings.fuzz.Json.str;

/**
 * The values an attacker puts where the API expects one: numbers that are huge, tiny,
 * negative zero or not numbers at all, strings that are long, empty, or look like
 * variables, wildcards and other numbers, literals of the wrong type, and broken JSON.
 */
public final class HostileValues {

	/** 200,000 digits: the number the issue saw parsed before any size check. */
	public static final String HUGE_DIGITS = "9".repeat(200_000);

	private HostileValues() {
	}

	/** Number texts, valid JSON or not. */
	public static Arbitrary<String> numberTexts() {
		return Arbitraries.oneOf(
				Arbitraries.of("1e900000000", "-1e900000000", "1E+2147483647", "1e-900000000", "1E-2147483648", "-0",
						"0", "1", "-1", "2147483647", "2147483648", "-2147483649", "9223372036854775807",
						"9223372036854775808", "-9223372036854775809", "1.5", "-1.5", "0.1e1",
						"123456789012345678901234567890", "1e308", "1e309", "-1e309", "4.9e-325", "1e-5", "0.0", "1e2",
						"NaN", "Infinity", "-Infinity", "+1", "01", ".5", "0x1F", "1e", "--1", "1_000"),
				Arbitraries.of(5_000, 20_000, 200_000).map("1"::repeat),
				Arbitraries.of(5_000, 200_000).map((n) -> "0." + "0".repeat(n) + "1"),
				Arbitraries.of(1_000, 100_000).map((n) -> "1e" + "9".repeat(n)),
				Arbitraries.integers().map(String::valueOf), Arbitraries.longs().map(String::valueOf));
	}

	/** Short number texts (fit in a URL), for query strings. */
	public static Arbitrary<String> shortNumberTexts() {
		return numberTexts().filter((text) -> text.length() < 300);
	}

	/** Strings an attacker sends as values. */
	public static Arbitrary<String> strings() {
		return Arbitraries.oneOf(
				Arbitraries.of("", " ", "a", "published", "draft", "archived", "$CURRENT_USER", "$CURRENT_ROLE",
						"$CURRENT_ROLES", "$CURRENT_POLICIES", "$NOW", "$NOW(-1 year)", "$NOW(+99999999999 years)",
						"$FOO", "%", "_", "\\", "%_%", "'; drop table articles; --", "\u0000", "\uD83D\uDE00", "\uD800",
						"null", "true", "[]", "{}", "*", "2026-13-45T99:99:99", "2026-01-01T00:00:00Z",
						"00000000-0000-0000-0000-000000000000", "editor@example.com", "1e900000000", "NaN", "-0"),
				Arbitraries.strings().ofMaxLength(20), Arbitraries.of(1_000, 10_000).map("a"::repeat));
	}

	/** Long strings, for bodies and frames (too long for a URL). */
	public static Arbitrary<String> longStrings() {
		return Arbitraries.of(100_000, 2_000_000).map("x"::repeat);
	}

	/** A scalar JSON value of any type, hostile or plain. */
	public static Arbitrary<Json> scalars(boolean longOnes) {
		Arbitrary<String> numbers = longOnes ? numberTexts() : shortNumberTexts();
		List<Arbitrary<Json>> choices = new ArrayList<>(List.of(numbers.map(Json::raw), numbers.map(Json::str),
				strings().map(Json::str), Arbitraries.of(raw("true"), raw("false"), raw("null")),
				Arbitraries.integers().between(-3, 30).map((n) -> raw(String.valueOf(n)))));
		if (longOnes) {
			choices.add(longStrings().map(Json::str));
		}
		return Arbitraries.oneOf(choices);
	}

	/**
	 * Any JSON value up to a small depth: scalars, arrays and objects with the given
	 * keys.
	 */
	public static Arbitrary<Json> values(List<String> keys, boolean longOnes) {
		return Arbitraries.recursive(() -> scalars(longOnes),
				(inner) -> Arbitraries.oneOf(inner.list().ofMaxSize(3).map(Json::arr),
						Arbitraries.of(keys).flatMap((key) -> inner.map((value) -> Json.obj(key, value)))),
				0, 2);
	}

	/** Nesting far beyond any sane document: {@code [[[…]]]} or {@code {"a":{"a":…}}}. */
	public static Arbitrary<Json> deepNesting(List<Integer> depths) {
		return Arbitraries.of(depths)
			.flatMap((depth) -> Arbitraries.of(raw("[".repeat(depth) + "]".repeat(depth)),
					raw("{\"a\":".repeat(depth) + "1" + "}".repeat(depth)), raw("[".repeat(depth))));
	}

	/** Documents that are not JSON, or not whole. */
	public static Arbitrary<String> brokenJson() {
		return Arbitraries.of("", "{", "}", "[", "{\"title\":", "{\"title\":\"x\"", "{'title':'x'}", "{}x", "nul",
				"\u0000", "{\"title\":\"x\",}", "[1,]", "{\"a\" \"b\"}", "\"\\ud800\"", "\uFEFF{}", "{\"\\u0000\":1}",
				"<xml/>", "title=x", "{\"a\":1}{\"a\":2}", str("x").text());
	}

}
