package dev.tidings.items.internal;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * The few places where one behaviour on every database needs to know which database it
 * is.
 */
public final class Dialects {

	private Dialects() {
	}

	public static boolean isPostgres(EntityManagerFactory entityManagerFactory) {
		return entityManagerFactory.unwrap(SessionFactoryImplementor.class)
			.getJdbcServices()
			.getDialect() instanceof PostgreSQLDialect;
	}

}
