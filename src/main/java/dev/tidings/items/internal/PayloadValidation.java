package dev.tidings.items.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tidings.errors.ErrorCode;
import dev.tidings.errors.TidingsError;
import dev.tidings.errors.TidingsException;
import dev.tidings.query.BoundFilter;
import dev.tidings.query.Filter;
import dev.tidings.query.FilterBinder;
import dev.tidings.query.RowMatcher;
import dev.tidings.query.Variables;
import dev.tidings.schema.CollectionSchema;
import dev.tidings.schema.FieldSchema;
import dev.tidings.schema.SchemaRegistry;

/**
 * Checks a write payload against the {@code validation} filters of the caller's grants,
 * as Directus does: every grant's filter must pass (AND across grants, unlike access),
 * only conditions on fields present in the payload are checked, and each failing
 * condition is one {@code FAILED_VALIDATION} error. An {@code _or} passes when one branch
 * does, and otherwise reports the failures of all its branches.
 */
final class PayloadValidation {

	private final SchemaRegistry schemas;

	private final RowMatcher matcher;

	PayloadValidation(SchemaRegistry schemas) {
		this.schemas = schemas;
		this.matcher = new RowMatcher();
	}

	void check(CollectionGrants grants, Map<String, ?> payload, Variables variables) {
		List<TidingsError> errors = new ArrayList<>();
		for (BoundGrant grant : grants.grants()) {
			Filter validation = grant.grant().validation();
			if (validation != null) {
				errors.addAll(validation.accept(new Failures(grants.collection(), payload, variables)));
			}
		}
		if (!errors.isEmpty()) {
			throw new TidingsException(errors);
		}
	}

	/** The failures of a raw validation filter on one payload. */
	private final class Failures implements Filter.Visitor<List<TidingsError>> {

		private final CollectionSchema collection;

		private final Map<String, ?> payload;

		private final Variables variables;

		Failures(CollectionSchema collection, Map<String, ?> payload, Variables variables) {
			this.collection = collection;
			this.payload = payload;
			this.variables = variables;
		}

		@Override
		public List<TidingsError> and(Filter.And and) {
			List<TidingsError> failures = new ArrayList<>();
			and.filters().forEach((filter) -> failures.addAll(filter.accept(this)));
			return failures;
		}

		@Override
		public List<TidingsError> or(Filter.Or or) {
			List<TidingsError> failures = new ArrayList<>();
			for (Filter branch : or.filters()) {
				List<TidingsError> branchFailures = branch.accept(this);
				if (branchFailures.isEmpty()) {
					return List.of();
				}
				failures.addAll(branchFailures);
			}
			return failures;
		}

		/**
		 * Bound one condition at a time, so that a failing one can be named even when a
		 * variable without a value turned it into "matches nothing".
		 */
		@Override
		public List<TidingsError> condition(Filter.Condition condition) {
			String name = condition.path().get(0);
			// a nested path would need the related item, which a payload does not carry
			if (condition.path().size() > 1 || !this.payload.containsKey(name)) {
				return List.of();
			}
			FieldSchema field = this.collection.requireField(name);
			Object value;
			try {
				value = field.codec().fromJson(this.payload.get(name));
			}
			catch (IllegalArgumentException | ArithmeticException ex) {
				return List.of(); // the writer rejects the value itself
			}
			BoundFilter bound = FilterBinder.bind(condition, this.collection, PayloadValidation.this.schemas,
					this.variables);
			Map<String, Object> row = new HashMap<>();
			row.put(name, value);
			if (PayloadValidation.this.matcher.matches(bound, this.collection, row)) {
				return List.of();
			}
			return List.of(failure(name, condition));
		}

		@Override
		public List<TidingsError> some(Filter.Some some) {
			return List.of(); // nested items are checked as writes of their own
								// collection
		}

		@Override
		public List<TidingsError> none(Filter.None none) {
			return List.of();
		}

	}

	private static TidingsError failure(String field, Filter.Condition condition) {
		String type = condition.operator().token().substring(1);
		Object operand = condition.value();
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("field", field);
		extensions.put("path", List.of());
		extensions.put("type", type);
		String detail = switch (type) {
			case "eq" -> "Value has to be " + text(operand) + ".";
			case "neq" -> "Value can't be " + text(operand) + ".";
			case "in" -> "Value has to be one of " + text(operand) + ".";
			case "nin" -> "Value can't be one of " + text(operand) + ".";
			case "lt" -> "Value has to be less than " + text(operand) + ".";
			case "lte" -> "Value has to be less than or equal to " + text(operand) + ".";
			case "gt" -> "Value has to be greater than " + text(operand) + ".";
			case "gte" -> "Value has to be greater than or equal to " + text(operand) + ".";
			case "null" -> "Value has to be null.";
			case "nnull" -> "Value can't be null.";
			case "empty" -> "Value has to be empty.";
			case "nempty" -> "Value can't be empty.";
			default -> "Value doesn't match the \"" + condition.operator().token() + "\" rule "
					+ ((operand != null) ? text(operand) : "") + ".";
		};
		if (operand != null && !type.endsWith("null") && !type.endsWith("empty")) {
			boolean negated = type.startsWith("n") && !type.equals("nnull");
			extensions.put(
					type.contains("contains") || type.contains("with") ? "substring" : negated ? "invalid" : "valid",
					operand);
		}
		return new TidingsError(ErrorCode.FAILED_VALIDATION, "Validation failed for field \"" + field + "\". " + detail,
				extensions);
	}

	private static String text(Object operand) {
		if (operand instanceof List<?> list) {
			return String.join(", ", list.stream().map(String::valueOf).toList());
		}
		return String.valueOf(operand);
	}

}
