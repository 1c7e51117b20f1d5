package dev.tidings.query;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.tidings.schema.FieldSchema;
import dev.tidings.schema.FieldType;

/**
 * The field operators of a Directus filter, each carrying its wire token.
 */
public enum FilterOperator {

	EQ("_eq"), NEQ("_neq"), LT("_lt"), LTE("_lte"), GT("_gt"), GTE("_gte"), IN("_in"), NIN("_nin"), BETWEEN("_between"),
	NBETWEEN("_nbetween"), NULL("_null"), NNULL("_nnull"), EMPTY("_empty"), NEMPTY("_nempty"), CONTAINS("_contains"),
	NCONTAINS("_ncontains"), ICONTAINS("_icontains"), NICONTAINS("_nicontains"), STARTS_WITH("_starts_with"),
	NSTARTS_WITH("_nstarts_with"), ISTARTS_WITH("_istarts_with"), NISTARTS_WITH("_nistarts_with"),
	ENDS_WITH("_ends_with"), NENDS_WITH("_nends_with"), IENDS_WITH("_iends_with"), NIENDS_WITH("_niends_with");

	private static final Map<String, FilterOperator> BY_TOKEN = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(FilterOperator::token, Function.identity()));

	private static final Set<FilterOperator> TEXT = EnumSet.of(CONTAINS, NCONTAINS, ICONTAINS, NICONTAINS, STARTS_WITH,
			NSTARTS_WITH, ISTARTS_WITH, NISTARTS_WITH, ENDS_WITH, NENDS_WITH, IENDS_WITH, NIENDS_WITH, EQ, NEQ, EMPTY,
			NEMPTY, NULL, NNULL, IN, NIN);

	private static final Set<FilterOperator> ORDERED = EnumSet.of(EQ, NEQ, LT, LTE, GT, GTE, BETWEEN, NBETWEEN, NULL,
			NNULL, IN, NIN);

	private static final Set<FilterOperator> IDENTITY = EnumSet.of(EQ, NEQ, NULL, NNULL, IN, NIN);

	private static final Set<FilterOperator> BOOLEAN = EnumSet.of(EQ, NEQ, NULL, NNULL);

	private static final Set<FilterOperator> NULLS = EnumSet.of(NULL, NNULL);

	private final String token;

	FilterOperator(String token) {
		this.token = token;
	}

	public String token() {
		return this.token;
	}

	public static Optional<FilterOperator> fromToken(String token) {
		return Optional.ofNullable(BY_TOKEN.get(token));
	}

	/**
	 * Whether the operand is a list ({@code _in}, {@code _nin}, {@code _between},
	 * {@code _nbetween}).
	 */
	public boolean takesList() {
		return this == IN || this == NIN || this == BETWEEN || this == NBETWEEN;
	}

	/** Whether the operand is a boolean flag ({@code _null} … {@code _nempty}). */
	public boolean takesFlag() {
		return this == NULL || this == NNULL || this == EMPTY || this == NEMPTY;
	}

	/**
	 * Whether the operand is a substring pattern (the contains, starts-with and ends-with
	 * family).
	 */
	public boolean isPattern() {
		return this.ordinal() >= CONTAINS.ordinal();
	}

	/** Whether a pattern operator folds case ({@code _icontains} …). */
	public boolean ignoresCase() {
		return this == ICONTAINS || this == NICONTAINS || this == ISTARTS_WITH || this == NISTARTS_WITH
				|| this == IENDS_WITH || this == NIENDS_WITH;
	}

	/**
	 * Whether this is the negated form of an operator: it never matches a null value, as
	 * SQL's three-valued logic decides.
	 */
	public boolean isNegated() {
		return this == NEQ || this == NIN || this == NBETWEEN || this == NCONTAINS || this == NICONTAINS
				|| this == NSTARTS_WITH || this == NISTARTS_WITH || this == NENDS_WITH || this == NIENDS_WITH;
	}

	/**
	 * The operators a field accepts: its type's, but only identity ones for enums and
	 * converted attributes, whose order and text in memory need not be the database's.
	 */
	public static Set<FilterOperator> allowedFor(FieldSchema field) {
		if (field.codec().isLargeObject()) {
			return NULLS;
		}
		return field.codec().identityOnly() ? IDENTITY : allowedFor(field.type());
	}

	/** The operators Directus allows on a field of the given type. */
	public static Set<FilterOperator> allowedFor(FieldType type) {
		return switch (type) {
			case STRING, TEXT -> TEXT;
			case INTEGER, BIG_INTEGER, FLOAT, DECIMAL, TIMESTAMP, DATE_TIME, DATE, TIME -> ORDERED;
			case UUID -> IDENTITY;
			case BOOLEAN -> BOOLEAN;
			case JSON, ALIAS, BINARY -> NULLS;
		};
	}

}
