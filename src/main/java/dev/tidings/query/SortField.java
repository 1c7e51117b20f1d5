package dev.tidings.query;

import java.util.List;

/**
 * One key of {@code sort}: a field path (through to-one relations) and a direction.
 */
public record SortField(List<String> path, boolean descending) {

	public SortField {
		path = List.copyOf(path);
	}

}
