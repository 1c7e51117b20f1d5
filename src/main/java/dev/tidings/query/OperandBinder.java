package dev.tidings.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.tidings.errors.TidingsException;
import dev.tidings.schema.FieldCodec;
import dev.tidings.schema.FieldPath;
import dev.tidings.schema.FieldSchema;
import dev.tidings.schema.FieldType;
import dev.tidings.schema.FunctionPath;

/**
 * Binds the operator and value of one condition to the field it tests: normalises the
 * null and empty flags, checks the operator against the field type, substitutes dynamic
 * variables and converts values to the field's Java type.
 */
final class OperandBinder {

	private final DynamicVariables variables;

	OperandBinder(DynamicVariables variables) {
		this.variables = variables;
	}

	BoundFilter bind(FunctionPath target, FilterOperator requested, @Nullable Object raw) {
		FieldPath path = target.path();
		FieldSchema field = path.field();
		Compared compared = (target.function() != null) ? Compared.function(field) : Compared.of(field);
		if (target.function() == null && field.isValueList()) {
			// its values live in a table of their own, which the SQL translation does not
			// reach
			throw TidingsException.invalidQuery("\"" + field.name() + "\" lists values and cannot be filtered");
		}
		FilterOperator operator = requested;
		Object value = raw;
		// _eq: null is IS NULL, and a false flag is the opposite flag, so that evaluators
		// only ever see a flag of true.
		if (value == null && operator == FilterOperator.EQ) {
			operator = FilterOperator.NULL;
			value = Boolean.TRUE;
		}
		else if (value == null && operator == FilterOperator.NEQ) {
			operator = FilterOperator.NNULL;
			value = Boolean.TRUE;
		}
		else if (operator.takesFlag()) {
			if (!(value instanceof Boolean flag)) {
				throw TidingsException.invalidQuery("\"" + operator.token() + "\" has to be a boolean");
			}
			operator = flag ? operator : opposite(operator);
			value = Boolean.TRUE;
		}
		if (!compared.operators().contains(operator)) {
			if (target.function() == null && field.codec().isLargeObject()) {
				throw TidingsException.invalidQuery("\"" + field.name() + "\" is a large object: only \"_null\" and "
						+ "\"_nnull\" test it, not \"" + requested.token() + "\"");
			}
			throw TidingsException.invalidQuery("\"" + typeName(compared.type())
					+ "\" field type does not contain the \"" + requested.token() + "\" filter operator");
		}
		if (operator.takesFlag()) {
			return node(target, operator, value);
		}
		if (operator.takesList()) {
			List<Object> values = list(operator, value, compared);
			return (values == null) ? BoundFilter.NOTHING : node(target, operator, values);
		}
		Object operand = scalar(operator, value, compared);
		return (operand == null) ? BoundFilter.NOTHING : node(target, operator, operand);
	}

	/**
	 * A count of related items counts every item until read rules are added; any other
	 * value is a condition.
	 */
	private static BoundFilter node(FunctionPath target, FilterOperator operator, Object value) {
		if (target.countsRelation()) {
			return new BoundFilter.Count(target.path(), BoundFilter.EVERYTHING, operator, value);
		}
		return new BoundFilter.Condition(target.path(), operator, value, target.function());
	}

	/** The converted list, or null when a variable in it has no value. */
	private @Nullable List<Object> list(FilterOperator operator, @Nullable Object raw, Compared field) {
		if (!(raw instanceof List<?> items) || items.isEmpty()) {
			throw TidingsException.invalidQuery("\"" + operator.token() + "\" has to be an array of values");
		}
		boolean membership = operator == FilterOperator.IN || operator == FilterOperator.NIN;
		List<Object> values = new ArrayList<>(items.size());
		for (Object item : items) {
			if (item == null) {
				// SQL's NOT IN (…, NULL) matches no row at all: too surprising to allow.
				throw TidingsException.invalidQuery("\"" + operator.token() + "\" can't contain null");
			}
			Object value = item;
			if (DynamicVariables.isVariable(item)) {
				value = this.variables.resolve((String) item);
				if (value instanceof List<?> expanded) {
					if (!membership) {
						throw onlyInLists(item);
					}
					if (expanded.isEmpty()) {
						return null;
					}
					for (Object element : expanded) {
						values.add(convert(element, field));
					}
					continue;
				}
				if (value == null) {
					return null;
				}
			}
			values.add(convert(value, field));
		}
		if (!membership && values.size() != 2) {
			throw TidingsException.invalidQuery("\"" + operator.token() + "\" has to be an array of two values");
		}
		return values;
	}

	/** The converted operand, or null when its variable has no value. */
	private @Nullable Object scalar(FilterOperator operator, @Nullable Object raw, Compared field) {
		if (raw == null) {
			throw TidingsException.invalidQuery("The filter value for \"" + operator.token() + "\" can't be null");
		}
		Object value = raw;
		if (DynamicVariables.isVariable(raw)) {
			value = this.variables.resolve((String) raw);
			if (value instanceof List) {
				throw onlyInLists(raw);
			}
			if (value == null) {
				return null;
			}
		}
		if (value instanceof List || value instanceof java.util.Map) {
			throw TidingsException.invalidQuery(
					"The filter value for \"" + operator.token() + "\" has to be a string, number, or boolean");
		}
		// Patterns stay text: % and _ are literal characters, not wildcards.
		return operator.isPattern() ? patternText(value) : convert(value, field);
	}

	/**
	 * The operand as the field's Java value, by the field's codec: the same conversion a
	 * payload's value goes through, so a filter finds what a write stored.
	 */
	private static Object convert(Object value, Compared field) {
		if (field.type() == FieldType.JSON || field.type() == FieldType.ALIAS || field.type() == FieldType.BINARY) {
			throw TidingsException.invalidQuery("Values of \"" + field.name() + "\" can only be tested for null");
		}
		try {
			return Objects.requireNonNull(field.codec().fromJson(value));
		}
		catch (IllegalArgumentException | ArithmeticException ex) {
			String reason = (ex instanceof ArithmeticException) ? "is out of range" : ex.getMessage();
			throw TidingsException.invalidQuery("Invalid value for \"" + field.name() + "\": " + reason);
		}
	}

	/**
	 * What a condition compares: a field's own values, or the integers a function of it
	 * gives.
	 */
	private record Compared(String name, FieldType type, FieldCodec codec, Set<FilterOperator> operators) {

		/**
		 * A function gives integers, but is compared with any number, as in Directus:
		 * {@code weekday(x) > 1.5} holds from 2.
		 */
		private static final FieldCodec NUMBERS = FieldCodec.of(FieldType.DECIMAL, BigDecimal.class);

		static Compared of(FieldSchema field) {
			return new Compared(field.name(), field.type(), field.codec(), FilterOperator.allowedFor(field));
		}

		static Compared function(FieldSchema field) {
			return new Compared(field.name(), FieldType.INTEGER, NUMBERS, FilterOperator.allowedFor(FieldType.INTEGER));
		}

	}

	private static String patternText(Object value) {
		try {
			return FieldCodec.patternText(value);
		}
		catch (IllegalArgumentException ex) {
			throw TidingsException.invalidQuery("Invalid text value");
		}
	}

	private static TidingsException onlyInLists(Object variable) {
		return TidingsException.invalidQuery("\"" + variable + "\" can only be used with \"_in\" or \"_nin\"");
	}

	private static FilterOperator opposite(FilterOperator flag) {
		return switch (flag) {
			case NULL -> FilterOperator.NNULL;
			case NNULL -> FilterOperator.NULL;
			case EMPTY -> FilterOperator.NEMPTY;
			case NEMPTY -> FilterOperator.EMPTY;
			default -> throw new IllegalArgumentException("Not a flag: " + flag);
		};
	}

	/** The type as Directus names it in its messages ({@code bigInteger}). */
	static String typeName(FieldType type) {
		String[] words = type.name().toLowerCase(Locale.ROOT).split("_");
		StringBuilder name = new StringBuilder(words[0]);
		for (int i = 1; i < words.length; i++) {
			name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
		}
		return name.toString();
	}

}
