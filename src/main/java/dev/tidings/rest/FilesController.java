package dev.tidings.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tidings.errors.ErrorCode;
import dev.tidings.errors.TidingsException;
import dev.tidings.files.FileUploads;
import dev.tidings.items.ItemsService;
import dev.tidings.schema.SchemaRegistry;
import dev.tidings.security.Accountability;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartException;

/**
 * Uploads ({@code POST /files} as multipart: text fields first, each applying to the file
 * part that follows them) and imports ({@code POST /files/import}). The other routes of
 * {@code /files}, JSON creates included, are the system collection's.
 */
@RestController
@RequestMapping("${tidings.rest.base-path:}/files")
public class FilesController {

	private static final String FILES = "directus_files";

	private static final int MAX_FIELD_BYTES = 64 * 1024;

	private final FileUploads uploads;

	private final ItemRoutes routes;

	private final JsonCodec json;

	public FilesController(FileUploads uploads, ItemsService items, SchemaRegistry schemas, JsonCodec json) {
		this.uploads = uploads;
		this.routes = new ItemRoutes(items, schemas, json);
		this.json = json;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	public ResponseEntity<byte[]> upload(Accountability who, HttpServletRequest request) {
		this.uploads.authorize(who);
		Map<String, @Nullable Object> fields = new LinkedHashMap<>();
		List<Object> keys = new ArrayList<>();
		for (Part part : parts(request)) {
			try (InputStream content = part.getInputStream()) {
				if (part.getSubmittedFileName() == null) {
					fields.put(part.getName(), field(content));
				}
				else {
					keys.add(this.uploads.upload(who, fields, part.getSubmittedFileName(), content));
					fields = new LinkedHashMap<>();
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		if (keys.isEmpty()) {
			throw TidingsException.invalidPayload("No files were included in the body");
		}
		return this.routes.readBack(who, FILES, keys, this.json.urlQuery(request), keys.size() > 1);
	}

	@PostMapping("/import")
	@SuppressWarnings("unchecked")
	public ResponseEntity<byte[]> importFile(Accountability who, HttpServletRequest request) {
		this.uploads.authorize(who);
		Map<String, Object> body = Payloads.object(this.json.body(request), "The payload");
		if (!(body.get("url") instanceof String url)) {
			throw TidingsException.invalidPayload("\"url\" is required");
		}
		Object data = body.get("data");
		Map<String, Object> fields = (data == null) ? Map.of() : Payloads.object(data, "\"data\"");
		return this.routes.readBack(who, FILES, List.of(this.uploads.importFrom(who, url, fields)),
				this.json.urlQuery(request), false);
	}

	/**
	 * The parts in the order sent; a body past the container's own multipart limits is
	 * too large, whichever way the container says so.
	 */
	private static Iterable<Part> parts(HttpServletRequest request) {
		try {
			return request.getParts();
		}
		catch (MultipartException | IllegalStateException ex) {
			throw new TidingsException(ErrorCode.CONTENT_TOO_LARGE, "Uploaded content is too large.");
		}
		catch (IOException | ServletException ex) {
			throw TidingsException.invalidPayload("The multipart body could not be read");
		}
	}

	/** A text field, with Directus's literals for null and booleans. */
	private static @Nullable Object field(InputStream content) throws IOException {
		byte[] bytes = content.readNBytes(MAX_FIELD_BYTES + 1);
		if (bytes.length > MAX_FIELD_BYTES) {
			throw TidingsException.invalidPayload("A form field is longer than " + MAX_FIELD_BYTES + " bytes");
		}
		String value = new String(bytes, StandardCharsets.UTF_8);
		return switch (value.trim()) {
			case "null" -> null;
			case "true" -> Boolean.TRUE;
			case "false" -> Boolean.FALSE;
			default -> value;
		};
	}

}
