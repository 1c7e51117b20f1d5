package dev.tidings.bench;

import java.util.List;
import java.util.Map;

/**
 * What a scenario found on one target.
 *
 * @param table its figures
 * @param passed whether every correctness check passed
 * @param figures named figures, for the ratios against the peer
 * @param notes problems seen, to print
 * @param more Markdown that follows the table in the section, or empty
 */
record Outcome(Table table, boolean passed, Map<String, Double> figures, List<String> notes, String more) {

	Outcome(Table table, boolean passed, Map<String, Double> figures, List<String> notes) {
		this(table, passed, figures, notes, "");
	}

}
