package dev.tidings.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import static dev.tidings.fuzz.Json.raw;
import static dev.tidings.fuzz.Json.str;

/**
 * Hostile Directus queries over a collection's fields: filters (JSON and bracket forms,
 * deep nesting, unknown operators, relational paths, {@code _and}/{@code _or}), sort,
 * fields, aggregate, groupBy, search, deep, limit, offset, page and meta, as the
 * parameters of a query string or as the {@code query} object of a WebSocket frame.
 */
public final class HostileQueries {

	/**
	 * Field names and relational paths per collection, readable or not, plus nonsense.
	 */
	public static final Map<String, List<String>> FIELDS = Map.of("articles",
			List.of("id", "title", "body", "status", "author", "views", "published_at", "author.email",
					"author.password", "author.token", "author.role", "author.role.name", "author.role.policies"),
			"comments",
			List.of("id", "article", "body", "user", "date_created", "article.title", "article.status", "article.body",
					"article.author.email", "user.email", "user.password"),
			"directus_users",
			List.of("id", "email", "first_name", "last_name", "password", "token", "status", "role", "role.name",
					"role.policies", "role.users.email", "policies"),
			"directus_roles", List.of("id", "name", "description", "parent", "users", "users.email", "policies"),
			"directus_permissions",
			List.of("id", "policy", "collection", "action", "fields", "permissions", "validation", "presets",
					"policy.name"),
			"directus_policies",
			List.of("id", "name", "admin_access", "app_access", "ip_access", "enforce_tfa", "permissions", "roles"),
			"directus_access", List.of("id", "role", "user", "policy", "sort", "policy.admin_access", "role.name"));

	private static final List<String> NONSENSE = List.of("", "nope", "*", "id.id", "__proto__", "$CURRENT_USER",
			"count(id)", "year(published_at)", "a".repeat(300), "title.", ".title", "title..id", "\u0000",
			"author.role.policies.permissions.fields");

	private static final List<String> OPERATORS = List.of("_eq", "_neq", "_lt", "_lte", "_gt", "_gte", "_in", "_nin",
			"_null", "_nnull", "_contains", "_ncontains", "_icontains", "_starts_with", "_istarts_with", "_ends_with",
			"_nends_with", "_between", "_nbetween", "_empty", "_nempty", "_intersects", "_regex", "_some", "_none",
			"_foo", "", "eq", "_EQ", "$eq", "_and", "_or");

	private HostileQueries() {
	}

	static Arbitrary<String> fieldNames(String collection) {
		return Arbitraries.oneOf(Arbitraries.of(FIELDS.get(collection)), Arbitraries.of(FIELDS.get(collection)),
				Arbitraries.of(NONSENSE));
	}

	/** A filter: conditions, relational paths, logical groups, wrong types, any depth. */
	public static Arbitrary<Json> filters(String collection, boolean longOnes) {
		Arbitrary<Json> values = Arbitraries.oneOf(HostileValues.scalars(longOnes),
				HostileValues.scalars(false).list().ofMaxSize(4).map(Json::arr),
				HostileValues.values(FIELDS.get(collection), false));
		Arbitrary<Json> condition = Combinators.combine(fieldNames(collection), Arbitraries.of(OPERATORS), values)
			.as((field, operator, value) -> nest(field, Json.obj(operator, value)));
		Arbitrary<Json> filters = Arbitraries.recursive(() -> condition,
				(inner) -> Arbitraries.oneOf(
						Combinators.combine(Arbitraries.of("_and", "_or"), inner.list().ofMaxSize(3))
							.as((group, list) -> Json.obj(group, Json.arr(list))),
						Combinators.combine(Arbitraries.of("_and", "_or", "_some", "_none"), inner).as(Json::obj),
						Combinators.combine(fieldNames(collection), inner).as(Json::obj)),
				0, 3);
		return Arbitraries.oneOf(filters, filters, filters, filters, deepFilters(), HostileValues.scalars(longOnes),
				Arbitraries.of(raw("[]"), raw("{}"), str("{}"), raw("{\"\":{}}")));
	}

	/**
	 * A relational path written as nested objects: {@code a.b} becomes
	 * {@code {"a":{"b":…}}}.
	 */
	private static Json nest(String path, Json leaf) {
		String[] steps = path.split("\\.", -1);
		Json result = leaf;
		for (int i = steps.length - 1; i >= 0; i--) {
			result = Json.obj(steps[i], result);
		}
		return result;
	}

	private static Arbitrary<Json> deepFilters() {
		return Arbitraries.of(40, 200, 1_000)
			.flatMap((depth) -> Arbitraries.of(
					raw("{\"_and\":[".repeat(depth) + "{\"id\":{\"_eq\":1}}" + "]}".repeat(depth)),
					raw("{\"_or\":[".repeat(depth) + "{\"id\":{\"_eq\":1}}" + "]}".repeat(depth)),
					raw("{\"author\":".repeat(depth) + "{\"_eq\":1}" + "}".repeat(depth))));
	}

	/** The query string of a GET on the collection: one to four hostile parameters. */
	public static Arbitrary<String> queryStrings(String collection) {
		return parameters(collection).list()
			.ofMinSize(1)
			.ofMaxSize(4)
			.map((lists) -> lists.stream()
				.flatMap(List::stream)
				.map((pair) -> encode(pair[0]) + "=" + encode(pair[1]))
				.collect(Collectors.joining("&", "?", "")));
	}

	/** One parameter, as the key=value pairs of its URL form. */
	static Arbitrary<List<String[]>> parameters(String collection) {
		Arbitrary<String> field = fieldNames(collection);
		Arbitrary<String> fields = field.list().ofMinSize(1).ofMaxSize(3).map((list) -> String.join(",", list));
		Arbitrary<String> numbers = Arbitraries.oneOf(HostileValues.shortNumberTexts(),
				Arbitraries.of("-1", "-2", "0", "1", "99999999999999999999", "1e9", "abc", "", "1.5", " 5", "5 "));
		return Arbitraries.oneOf(filters(collection, false).map((filter) -> pairs("filter", filter.text())),
				filters(collection, false).map((filter) -> bracketPairs("filter", filter)),
				Combinators.combine(Arbitraries.of("", "-", "--", "?"), field)
					.as(String::concat)
					.list()
					.ofMinSize(1)
					.ofMaxSize(3)
					.map((list) -> pairs("sort", String.join(",", list))),
				Arbitraries
					.oneOf(fields,
							Arbitraries.of("*", "*.*", "*.*.*.*", "author.*", "article.*.*", "user.role.policies.*",
									"a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p", "article.".repeat(60) + "id",
									"*.".repeat(40) + "*", "id,*", "-id", "author,author.*,author.role.*"))
					.map((list) -> pairs("fields", list)),
				field.map((name) -> pairs("fields[]", name)),
				Combinators
					.combine(
							Arbitraries.of("count", "countDistinct", "countAll", "sum", "sumDistinct", "avg",
									"avgDistinct", "min", "max", "foo", ""),
							Arbitraries.oneOf(fields, Arbitraries.of("*")))
					.as((function, target) -> pairs("aggregate[" + function + "]", target)),
				HostileValues.values(List.of("count", "sum", "avg", "min", "max", "foo"), false)
					.map((value) -> pairs("aggregate", value.text())),
				field.map((name) -> pairs("groupBy[]", name)), fields.map((list) -> pairs("groupBy", list)),
				HostileValues.strings().filter((text) -> text.length() < 2_000).map((text) -> pairs("search", text)),
				Combinators
					.combine(Arbitraries.of("author", "article", "user", "role", "policies", "nope"),
							Arbitraries.of("_filter", "_limit", "_sort", "_offset", "_foo"),
							HostileValues.values(List.of("id", "email", "status", "_eq", "_limit"), false))
					.as((relation, key, value) -> pairs("deep", Json.obj(relation, Json.obj(key, value)).text())),
				Combinators
					.combine(Arbitraries.of("author", "article", "nope"), Arbitraries.of("_limit", "_sort"), numbers)
					.as((relation, key, value) -> pairs("deep[" + relation + "][" + key + "]", value)),
				Combinators.combine(Arbitraries.of("limit", "offset", "page"), numbers).as(HostileQueries::pairs),
				Arbitraries.of("*", "total_count", "filter_count", "total_count,filter_count", "foo", "")
					.map((meta) -> pairs("meta", meta)),
				Arbitraries.of("alias[x]", "export", "backlink", "version", "foo", "filter[]", "sort[]", "limit[]")
					.map((name) -> pairs(name, "1")));
	}

	/**
	 * A query object for a WebSocket frame: JSON values, the SDK's strings, or nonsense.
	 */
	public static Arbitrary<Json> queryObjects(String collection) {
		Arbitrary<Json> member = Arbitraries.oneOf(
				filters(collection, true).map((filter) -> Json.obj("filter", filter)),
				filters(collection, false).map((filter) -> Json.obj("filter", str(filter.text()))),
				fieldNames(collection).list()
					.ofMaxSize(3)
					.map((list) -> Json.obj("fields", Json.arr(list.stream().map(Json::str).toList()))),
				fieldNames(collection).map((name) -> Json.obj("sort", str(name))),
				fieldNames(collection).map((name) -> Json.obj("groupBy", Json.arr(List.of(str(name))))),
				fieldNames(collection).map((name) -> Json.obj("aggregate", Json.obj("count", str(name)))),
				Combinators
					.combine(Arbitraries.of("limit", "offset", "page", "meta", "search", "deep", "alias"),
							HostileValues.scalars(true))
					.as(Json::obj));
		return Arbitraries.oneOf(member.list().ofMaxSize(3).map(HostileQueries::merge), HostileValues.scalars(true),
				HostileValues.deepNesting(List.of(100, 10_000)));
	}

	private static Json merge(List<Json> objects) {
		List<Json.Member> members = new ArrayList<>();
		for (Json object : objects) {
			members.addAll(((Json.Obj) object).members());
		}
		return new Json.Obj(members);
	}

	private static List<String[]> pairs(String key, String value) {
		List<String[]> list = new ArrayList<>();
		list.add(new String[] { key, value });
		return list;
	}

	/** The bracket form: {@code filter[a][b][_op]=value}, arrays as comma lists. */
	private static List<String[]> bracketPairs(String prefix, Json value) {
		List<String[]> pairs = new ArrayList<>();
		flatten(prefix, value, pairs);
		return pairs.isEmpty() ? pairs(prefix, "") : pairs;
	}

	private static void flatten(String key, Json value, List<String[]> into) {
		if (value instanceof Json.Obj object) {
			for (Json.Member member : object.members()) {
				flatten(key + "[" + member.key() + "]", member.value(), into);
			}
		}
		else if (value instanceof Json.Arr array) {
			into.add(new String[] { key,
					array.items().stream().map(HostileQueries::leaf).collect(Collectors.joining(",")) });
		}
		else {
			into.add(new String[] { key, leaf(value) });
		}
	}

	private static String leaf(Json value) {
		return (value instanceof Json.Str text) ? text.value() : value.text();
	}

	static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
