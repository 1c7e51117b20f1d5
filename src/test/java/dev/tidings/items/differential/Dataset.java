package dev.tidings.items.differential;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;

/**
 * Rows of {@code probe_parents}, {@code probe_rows} and {@code probe_children} as plain
 * values: persisted for the Criteria translation, and turned into the maps the
 * {@code RowMatcher} reads (API names to Java values, {@code parent} as the nested parent
 * row, {@code children} as the list of child rows).
 */
record Dataset(List<Parent> parents, List<Row> rows, List<Child> children) {

	Dataset {
		parents = List.copyOf(parents);
		rows = List.copyOf(rows);
		children = List.copyOf(children);
	}

	record Parent(int id, @Nullable String name, @Nullable Integer rank) {

		Map<String, @Nullable Object> toMap() {
			Map<String, @Nullable Object> map = new LinkedHashMap<>();
			map.put("id", this.id);
			map.put("name", this.name);
			map.put("rank_no", this.rank);
			return map;
		}

	}

	record Row(int id, @Nullable String s, @Nullable String t, @Nullable Integer i, @Nullable Long l,
			@Nullable Double d, @Nullable BigDecimal n, @Nullable Boolean b, @Nullable UUID u, @Nullable Instant ts,
			@Nullable LocalDate day, @Nullable Integer parent) {

		/** The row's own columns, by API name, with the parent as its key. */
		Map<String, @Nullable Object> columns() {
			Map<String, @Nullable Object> map = new LinkedHashMap<>();
			map.put("id", this.id);
			map.put("s", this.s);
			map.put("t", this.t);
			map.put("i", this.i);
			map.put("l", this.l);
			map.put("d", this.d);
			map.put("n", this.n);
			map.put("b", this.b);
			map.put("u", this.u);
			map.put("ts", this.ts);
			map.put("day_on", this.day);
			map.put("parent", this.parent);
			return map;
		}

	}

	record Child(int id, @Nullable Integer row, @Nullable String label, @Nullable Integer score) {

		Map<String, @Nullable Object> toMap() {
			Map<String, @Nullable Object> map = new LinkedHashMap<>();
			map.put("id", this.id);
			map.put("owner_row", this.row);
			map.put("label", this.label);
			map.put("score", this.score);
			return map;
		}

	}

	/**
	 * Each row as the {@code RowMatcher} expects it: every field loaded, the many-to-one
	 * as the parent's row (or null), the one-to-many alias as the children's rows.
	 */
	Map<Integer, Map<String, @Nullable Object>> rowMaps() {
		Map<Integer, Map<String, @Nullable Object>> parentsById = new HashMap<>();
		this.parents.forEach((parent) -> parentsById.put(parent.id(), parent.toMap()));
		Map<Integer, List<Map<String, @Nullable Object>>> childrenByRow = new HashMap<>();
		for (Child child : this.children) {
			if (child.row() != null) {
				childrenByRow.computeIfAbsent(child.row(), (id) -> new ArrayList<>()).add(child.toMap());
			}
		}
		Map<Integer, Map<String, @Nullable Object>> maps = new LinkedHashMap<>();
		for (Row row : this.rows) {
			Map<String, @Nullable Object> map = row.columns();
			map.put("parent", (row.parent() != null) ? parentsById.get(row.parent()) : null);
			map.put("children", childrenByRow.getOrDefault(row.id(), List.of()));
			maps.put(row.id(), map);
		}
		return maps;
	}

	/** Persists every row; the caller owns the transaction. */
	void persist(EntityManager entityManager) {
		Map<Integer, ProbeParent> parentEntities = new HashMap<>();
		for (Parent parent : this.parents) {
			ProbeParent entity = new ProbeParent(parent.id(), parent.name(), parent.rank());
			entityManager.persist(entity);
			parentEntities.put(parent.id(), entity);
		}
		Map<Integer, ProbeRow> rowEntities = new HashMap<>();
		for (Row row : this.rows) {
			ProbeRow entity = new ProbeRow(row.id()).values(row.s(), row.t(), row.i(), row.l(), row.d(), row.n(),
					row.b(), row.u(), row.ts(), row.day(),
					(row.parent() != null) ? parentEntities.get(row.parent()) : null);
			entityManager.persist(entity);
			rowEntities.put(row.id(), entity);
		}
		for (Child child : this.children) {
			entityManager.persist(new ProbeChild(child.id(),
					(child.row() != null) ? rowEntities.get(child.row()) : null, child.label(), child.score()));
		}
	}

	/** A table per collection, one line per row, strings quoted so spaces show. */
	@Override
	public String toString() {
		StringBuilder text = new StringBuilder();
		text.append("probe_parents:\n");
		this.parents.forEach((parent) -> text.append("  ").append(line(parent.toMap())).append('\n'));
		text.append("probe_rows:\n");
		this.rows.forEach((row) -> text.append("  ").append(line(row.columns())).append('\n'));
		text.append("probe_children:\n");
		this.children.forEach((child) -> text.append("  ").append(line(child.toMap())).append('\n'));
		return text.toString();
	}

	private static String line(Map<String, @Nullable Object> values) {
		return values.entrySet()
			.stream()
			.map((entry) -> entry.getKey() + "=" + show(entry.getValue()))
			.collect(Collectors.joining(", ", "{", "}"));
	}

	static String show(@Nullable Object value) {
		if (value instanceof String text) {
			return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
		}
		return String.valueOf(value);
	}

}
