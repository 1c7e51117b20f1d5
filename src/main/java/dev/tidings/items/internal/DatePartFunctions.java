package dev.tidings.items.internal;

import java.util.Locale;

import dev.tidings.schema.FieldFunction;
import dev.tidings.schema.FieldType;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.boot.model.FunctionContributor;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.type.BasicType;
import org.hibernate.type.StandardBasicTypes;

/**
 * The date-part functions of filters, sorts and groups as SQL, with the meaning
 * {@link FieldFunction#apply} gives them in memory: ISO weeks, weekdays from Sunday = 0,
 * whole seconds, and an instant's parts in UTC whatever offset the database keeps or the
 * session uses. Registered with Hibernate as {@code tidings_<part>} and
 * {@code tidings_<part>_utc} (loaded as a Java service, so every persistence unit has
 * them; the prefix keeps them clear of a host's own functions).
 */
public final class DatePartFunctions implements FunctionContributor {

	private static final String PREFIX = "tidings_";

	/** The function's value of a column holding values of the given type. */
	static Expression<Integer> apply(FieldFunction function, Expression<?> column, FieldType type, CriteriaBuilder cb) {
		return cb.function(name(function, type == FieldType.TIMESTAMP), Integer.class, column);
	}

	@Override
	public void contributeFunctions(FunctionContributions contributions) {
		BasicType<Integer> integer = contributions.getTypeConfiguration()
			.getBasicTypeRegistry()
			.resolve(StandardBasicTypes.INTEGER);
		boolean h2 = contributions.getDialect() instanceof H2Dialect;
		for (FieldFunction function : FieldFunction.values()) {
			if (function == FieldFunction.COUNT) {
				continue;
			}
			for (boolean utc : new boolean[] { false, true }) {
				String argument = utc ? "(?1 at time zone 'UTC')" : "?1";
				contributions.getFunctionRegistry()
					.registerPattern(name(function, utc), pattern(function, argument, h2), integer);
			}
		}
	}

	private static String name(FieldFunction function, boolean utc) {
		return PREFIX + function.token() + (utc ? "_utc" : "");
	}

	/**
	 * H2 names the ISO parts apart; PostgreSQL's are ISO already and its seconds have
	 * fractions.
	 */
	private static String pattern(FieldFunction function, String argument, boolean h2) {
		if (function == FieldFunction.WEEK) {
			return "cast(extract(" + (h2 ? "iso_week" : "week") + " from " + argument + ") as integer)";
		}
		if (function == FieldFunction.WEEKDAY) {
			return h2 ? "cast(mod(extract(iso_day_of_week from " + argument + "), 7) as integer)"
					: "cast(extract(dow from " + argument + ") as integer)";
		}
		String part = function.token().toLowerCase(Locale.ROOT);
		return "cast(floor(extract(" + part + " from " + argument + ")) as integer)";
	}

}
