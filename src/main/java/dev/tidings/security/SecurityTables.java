package dev.tidings.security;

import java.util.List;
import java.util.Locale;

import dev.tidings.security.internal.Access;
import dev.tidings.security.internal.Permission;
import dev.tidings.security.internal.Policy;
import dev.tidings.security.internal.Role;
import dev.tidings.security.internal.Session;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.Sequence;
import org.hibernate.mapping.Table;
import org.hibernate.tool.schema.spi.SchemaFilter;
import org.hibernate.tool.schema.spi.SchemaFilterProvider;

/**
 * Keeps a host's Hibernate schema tooling ({@code ddl-auto} create, drop, update,
 * validate) away from Tidings' tables: they belong to Tidings' own migrations, and a
 * {@code create-drop} host must not wipe its users and permissions.
 */
public final class SecurityTables implements SchemaFilterProvider {

	/** The entities of the security model, to add to the host's persistence unit. */
	public static final List<Class<?>> ENTITIES = List.of(TidingsUser.class, Role.class, Policy.class, Access.class,
			Permission.class, Session.class);

	private static final SchemaFilter EXCEPT_OURS = new SchemaFilter() {

		@Override
		public boolean includeNamespace(Namespace namespace) {
			return true;
		}

		@Override
		public boolean includeTable(Table table) {
			return !table.getName().replace("\"", "").toLowerCase(Locale.ROOT).startsWith("tidings_");
		}

		@Override
		public boolean includeSequence(Sequence sequence) {
			return true;
		}

	};

	@Override
	public SchemaFilter getCreateFilter() {
		return EXCEPT_OURS;
	}

	@Override
	public SchemaFilter getDropFilter() {
		return EXCEPT_OURS;
	}

	@Override
	public SchemaFilter getTruncatorFilter() {
		return EXCEPT_OURS;
	}

	@Override
	public SchemaFilter getMigrateFilter() {
		return EXCEPT_OURS;
	}

	@Override
	public SchemaFilter getValidateFilter() {
		return EXCEPT_OURS;
	}

}
