package dev.tidings.query;

import java.util.Arrays;
import java.util.Optional;

/**
 * The aggregate functions of {@code aggregate[fn]=field}, with their wire names.
 */
public enum AggregateFunction {

	COUNT("count"), COUNT_DISTINCT("countDistinct"),
	/**
	 * Every row the query selects, whatever fields it names: {@code {"countAll": 42}}.
	 */
	COUNT_ALL("countAll"), SUM("sum"), SUM_DISTINCT("sumDistinct"), AVG("avg"), AVG_DISTINCT("avgDistinct"), MIN("min"),
	MAX("max");

	private final String token;

	AggregateFunction(String token) {
		this.token = token;
	}

	public String token() {
		return this.token;
	}

	public static Optional<AggregateFunction> fromToken(String token) {
		return Arrays.stream(values()).filter((fn) -> fn.token.equals(token)).findFirst();
	}

}
