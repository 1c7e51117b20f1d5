package dev.tidings.activity;

import java.util.List;

/**
 * The entities of activity and revisions, to add to the host's persistence unit beside
 * the security model's; their tables come from Tidings' own migrations.
 */
public final class ActivityTables {

	public static final List<Class<?>> ENTITIES = List.of(TidingsActivity.class, TidingsRevision.class);

	private ActivityTables() {
	}

}
