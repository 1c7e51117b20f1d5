package dev.tidings.events;

import java.util.Locale;

/** What happened to an item, with the Directus event name it is pushed as. */
public enum ChangeType {

	CREATE, UPDATE, DELETE;

	public String token() {
		return name().toLowerCase(Locale.ROOT);
	}

}
