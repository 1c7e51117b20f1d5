package dev.tidings.comments;

import java.util.List;

/**
 * The entity of comments, to add to the host's persistence unit beside the security
 * model's; its table comes from Tidings' own migrations.
 */
public final class CommentTables {

	public static final List<Class<?>> ENTITIES = List.of(TidingsComment.class);

	private CommentTables() {
	}

}
