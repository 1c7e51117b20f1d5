package dev.tidings.rest;

import java.util.Arrays;
import java.util.stream.Collectors;

import dev.tidings.errors.TidingsException;
import org.jspecify.annotations.Nullable;

/**
 * The file formats of the {@code export} query parameter, as Directus names them; the
 * read is answered as a download in that format instead of the JSON envelope. Every file
 * is UTF-8 and says so; {@code csv_utf8} adds a byte order mark, for spreadsheets that
 * guess the encoding.
 */
enum ExportFormat {

	CSV("csv", "csv", "text/csv; charset=utf-8"), CSV_UTF8("csv_utf8", "csv", "text/csv; charset=utf-8"),
	JSON("json", "json", "application/json; charset=utf-8"), XML("xml", "xml", "text/xml; charset=utf-8"),
	YAML("yaml", "yaml", "text/yaml; charset=utf-8");

	private final String token;

	private final String extension;

	private final String contentType;

	ExportFormat(String token, String extension, String contentType) {
		this.token = token;
		this.extension = extension;
		this.contentType = contentType;
	}

	String extension() {
		return this.extension;
	}

	String contentType() {
		return this.contentType;
	}

	/**
	 * The format a parameter value names, or null when there is none (an empty value is
	 * none, as Directus ignores it).
	 * @throws TidingsException {@code INVALID_QUERY} for any other value
	 */
	static @Nullable ExportFormat parse(@Nullable String value) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		return Arrays.stream(values())
			.filter((format) -> format.token.equals(value))
			.findFirst()
			.orElseThrow(() -> TidingsException.invalidQuery("\"export\" must be one of ["
					+ Arrays.stream(values()).map((format) -> format.token).collect(Collectors.joining(", ")) + "]"));
	}

}
