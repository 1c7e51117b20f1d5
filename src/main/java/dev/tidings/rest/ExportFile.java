package dev.tidings.rest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * Answers a read as a file download, as Directus's {@code export} parameter does: only
 * the data (never {@code meta}), named after the collection and the server's local time
 * ({@code articles 20260512-093005.csv}).
 */
final class ExportFile {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

	private static final String BYTE_ORDER_MARK = "\uFEFF";

	private final JsonCodec json;

	private final Clock clock;

	ExportFile(JsonCodec json, Clock clock) {
		this.json = json;
		this.clock = clock;
	}

	ResponseEntity<byte[]> answer(ExportFormat format, String collection, @Nullable Object data) {
		String filename = collection + " " + STAMP.format(LocalDateTime.now(this.clock)) + "." + format.extension();
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_TYPE, format.contentType())
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition(filename))
			.body(text(format, this.json.plain(data)).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * A plain quoted name as Directus sends it (Spring's builder adds an RFC 5987 copy
	 * for names with spaces); that form only when the collection's name is not ASCII.
	 */
	private static String disposition(String filename) {
		if (!StandardCharsets.US_ASCII.newEncoder().canEncode(filename)) {
			return ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString();
		}
		return "attachment; filename=\"" + filename.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	private String text(ExportFormat format, @Nullable Object data) {
		return switch (format) {
			case JSON -> this.json.indented(data);
			case CSV -> new CsvExport(this.json::text).write(data);
			case CSV_UTF8 -> BYTE_ORDER_MARK + new CsvExport(this.json::text).write(data);
			case XML -> new XmlExport(this.json::text).write(data);
			case YAML -> new YamlExport(this.json::text).write(data);
		};
	}

}
