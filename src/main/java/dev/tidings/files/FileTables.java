package dev.tidings.files;

import java.util.List;

/**
 * The entities of files and folders, to add to the host's persistence unit beside the
 * security model's; their tables come from Tidings' own migrations.
 */
public final class FileTables {

	public static final List<Class<?>> ENTITIES = List.of(TidingsFolder.class, TidingsFile.class);

	private FileTables() {
	}

}
