package dev.tidings.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.tidings.errors.TidingsException;
import org.jspecify.annotations.Nullable;

/**
 * A path as {@code filter}, {@code sort} and {@code groupBy} name it: a field, or a
 * function of one when the last segment is a call ({@code year(published_at)},
 * {@code author.year(born_on)}, {@code count(comments)}). The argument is one field of
 * the collection the call sits in.
 *
 * @param path the path to the field, or to the function's argument
 * @param function the function applied to it, or null for the field's own value
 */
public record FunctionPath(FieldPath path, @Nullable FieldFunction function) {

	/**
	 * Resolves the names from the root collection, as {@link FieldPath#resolve} does, and
	 * checks that the function applies to its argument. {@code count} of a JSON value is
	 * computed in Java only, so it is refused here.
	 */
	public static FunctionPath resolve(CollectionSchema root, List<String> names, SchemaRegistry schemas) {
		Optional<FieldFunction.Call> call = call(names);
		if (call.isEmpty()) {
			return new FunctionPath(FieldPath.resolve(root, names, schemas), null);
		}
		FieldPath path = FieldPath.resolve(root, argumentNames(names), schemas);
		FieldFunction function = call.get().function();
		FieldSchema field = path.field();
		function.requireAppliesTo(field, path.owner());
		if (function == FieldFunction.COUNT && field.type() == FieldType.JSON) {
			throw TidingsException.invalidQuery("count() of the JSON field \"" + field.name()
					+ "\" can be selected in \"fields\", not filtered, sorted or grouped by");
		}
		return new FunctionPath(path, function);
	}

	/**
	 * The names with a call at the end replaced by its argument: the fields a caller must
	 * be allowed to read to use the path. An argument that is not a single field name is
	 * an invalid query.
	 */
	public static List<String> argumentNames(List<String> names) {
		Optional<FieldFunction.Call> call = call(names);
		if (call.isEmpty()) {
			return names;
		}
		List<String> argument = new ArrayList<>(names.subList(0, names.size() - 1));
		argument.add(call.get().argument());
		return argument;
	}

	private static Optional<FieldFunction.Call> call(List<String> names) {
		if (names.isEmpty()) {
			return Optional.empty();
		}
		Optional<FieldFunction.Call> call = FieldFunction.parse(names.get(names.size() - 1));
		call.ifPresent((found) -> {
			String argument = found.argument();
			if (argument.isEmpty() || argument.contains(".") || argument.contains(",")) {
				throw TidingsException.invalidQuery("The function " + found.function().token()
						+ "() takes one field of its collection, not \"" + argument + "\"");
			}
		});
		return call;
	}

	/**
	 * The key a grouped value is returned under, as Directus names it:
	 * {@code published_at_year} for {@code year(published_at)}.
	 */
	public static String resultKey(List<String> names) {
		List<String> key = new ArrayList<>(names);
		call(names).ifPresent((found) -> key.set(key.size() - 1, found.resultKey()));
		return String.join(".", key);
	}

	/** Whether the value is the size of a to-many relation, not a column's value. */
	public boolean countsRelation() {
		return this.function == FieldFunction.COUNT && this.path.field().isToMany();
	}

}
