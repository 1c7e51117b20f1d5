package dev.tidings.security;

import java.util.Locale;

import dev.tidings.errors.TidingsException;

/** What a permission row allows on a collection, with its Directus wire token. */
public enum Action {

	CREATE, READ, UPDATE, DELETE;

	public String token() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The action named by a wire token; anything else is an invalid payload. */
	public static Action fromToken(String token) {
		for (Action action : values()) {
			if (action.token().equals(token)) {
				return action;
			}
		}
		throw TidingsException.invalidPayload("\"action\" must be one of create, read, update, delete");
	}

}
