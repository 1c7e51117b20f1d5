package dev.tidings.items.internal;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import org.hibernate.query.sqm.internal.SqmCriteriaNodeBuilder;
import org.hibernate.query.sqm.tree.expression.SqmDistinct;
import org.hibernate.query.sqm.tree.expression.SqmExpression;

/**
 * {@code sum(distinct x)} and {@code avg(distinct x)}, which the Criteria API has no
 * method for: built as Hibernate builds its own {@code countDistinct}, from the function
 * registered under the name applied to a distinct argument. Hibernate is the JPA provider
 * Tidings runs on, so this reaches into its query tree rather than giving up the
 * aggregates.
 */
final class DistinctAggregates {

	private DistinctAggregates() {
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	static Expression<?> of(String function, Expression<?> value, CriteriaBuilder cb) {
		SqmCriteriaNodeBuilder nodes = (SqmCriteriaNodeBuilder) cb;
		SqmDistinct<?> distinct = new SqmDistinct<>((SqmExpression) value, nodes);
		return nodes.getQueryEngine()
			.getSqmFunctionRegistry()
			.findFunctionDescriptor(function)
			.generateSqmExpression(distinct, null, nodes.getQueryEngine());
	}

}
