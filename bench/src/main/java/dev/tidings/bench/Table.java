package dev.tidings.bench;

import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.Histogram;

/** A result table, printed to the console and written to RESULTS.md as Markdown. */
final class Table {

	private final List<String> header;

	private final List<List<String>> rows = new ArrayList<>();

	Table(String... header) {
		this.header = List.of(header);
	}

	Table row(Object... cells) {
		List<String> row = new ArrayList<>();
		for (Object cell : cells) {
			row.add(String.valueOf(cell));
		}
		this.rows.add(row);
		return this;
	}

	String markdown() {
		StringBuilder out = new StringBuilder();
		out.append("| ").append(String.join(" | ", this.header)).append(" |\n");
		out.append("|").append("---|".repeat(this.header.size())).append("\n");
		for (List<String> row : this.rows) {
			out.append("| ").append(String.join(" | ", row)).append(" |\n");
		}
		return out.toString();
	}

	/** Milliseconds with one decimal, from a histogram in microseconds. */
	static String ms(Histogram histogram, double percentile) {
		if (histogram.getTotalCount() == 0) {
			return "–";
		}
		long micros = (percentile >= 100) ? histogram.getMaxValue() : histogram.getValueAtPercentile(percentile);
		return String.format("%.1f", micros / 1000.0);
	}

	static String number(double value) {
		return String.format("%,.0f", value);
	}

}
