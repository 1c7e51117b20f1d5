package dev.tidings.files;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.tidings.errors.ErrorCode;
import dev.tidings.errors.TidingsException;
import dev.tidings.items.ItemsService;
import dev.tidings.security.Accountability;
import dev.tidings.security.Action;
import org.jspecify.annotations.Nullable;

/**
 * Brings files in, from an upload's part or from a URL: the caller's right to create
 * files is checked before any byte is read; the type is read from the bytes and checked
 * against the allow list before any is stored; the bytes stream to storage under
 * {@code {id}.{ext}}, counted against the size limit; then the row is created through the
 * items service as the caller, so create permissions, presets and validation apply. Bytes
 * whose row fails are removed.
 */
public final class FileUploads {

	static final String FILES = "directus_files";

	/** What the server determines and a client's fields may not override. */
	private static final Set<String> MEASURED = Set.of("id", "type", "filesize", "width", "height", "filename_disk",
			"uploaded_on", "uploaded_by", "created_on", "modified_on", "modified_by");

	private final ItemsService items;

	private final StorageLocations storages;

	private final UploadRules rules;

	private final FileInspector inspector = new FileInspector();

	private final @Nullable RemoteFiles remote;

	private final Clock clock;

	public FileUploads(ItemsService items, StorageLocations storages, UploadRules rules, ImportRules imports,
			Clock clock) {
		this.items = items;
		this.storages = storages;
		this.rules = rules;
		this.remote = imports.enabled() ? new RemoteFiles(imports.allowPrivateAddresses(), imports.timeout()) : null;
		this.clock = clock;
	}

	/** Refuses, before any part is read, a caller who may not create files. */
	public void authorize(Accountability who) {
		this.items.authorize(who, FILES, Action.CREATE);
	}

	/**
	 * Stores one uploaded file with the fields sent before it and returns the key of its
	 * row.
	 */
	public Object upload(Accountability who, Map<String, ?> fields, @Nullable String filename, InputStream content) {
		authorize(who);
		if (filename == null || filename.isBlank()) {
			throw TidingsException.invalidPayload("File is missing filename");
		}
		return store(who, fields, filename, content);
	}

	/** Fetches the URL's file and stores it with the given fields. */
	public Object importFrom(Accountability who, String url, Map<String, ?> fields) {
		if (this.remote == null) {
			throw new TidingsException(ErrorCode.FORBIDDEN, "Importing files from a URL is disabled.");
		}
		authorize(who);
		try (RemoteFiles.Download download = this.remote.open(url)) {
			String filename = (download.filename() != null) ? download.filename() : "import";
			return store(who, fields, filename, download.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Object store(Accountability who, Map<String, ?> fields, String filename, InputStream content) {
		try {
			BufferedInputStream buffered = new BufferedInputStream(content, 64 * 1024);
			String type = this.inspector.detect(buffered, filename);
			this.rules.requireAllowed(type);
			String location = (fields.get("storage") instanceof String named) ? named : this.storages.primary();
			Storage storage = this.storages.get(location);
			UUID id = UUID.randomUUID();
			String key = id + this.inspector.extension(type, filename);
			long size;
			try {
				size = storage.write(key, new Limited(buffered, this.rules));
			}
			catch (IOException | RuntimeException ex) {
				this.storages.delete(location, key);
				throw ex;
			}
			try {
				Map<String, @Nullable Object> row = row(fields, filename, location);
				row.put("id", id.toString());
				row.put("type", type);
				row.put("filename_disk", key);
				row.put("filesize", size);
				row.put("uploaded_on", this.clock.instant().toString());
				FileInspector.Dimensions dimensions = this.inspector.dimensions(type, storage.read(key));
				if (dimensions != null) {
					row.put("width", dimensions.width());
					row.put("height", dimensions.height());
				}
				return this.items.create(who, FILES, List.of(row)).get(0);
			}
			catch (IOException | RuntimeException ex) {
				this.storages.delete(location, key);
				throw ex;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Map<String, @Nullable Object> row(Map<String, ?> fields, String filename, String location) {
		Map<String, @Nullable Object> row = new LinkedHashMap<>();
		fields.forEach((name, value) -> {
			if (!MEASURED.contains(name)) {
				row.put(name, value);
			}
		});
		row.put("storage", location);
		row.putIfAbsent("filename_download", filename);
		row.putIfAbsent("title", title(filename));
		return row;
	}

	/**
	 * A title from a file name, as Directus makes one: no extension, words capitalised.
	 */
	static String title(String filename) {
		int dot = filename.lastIndexOf('.');
		String base = (dot > 0) ? filename.substring(0, dot) : filename;
		StringBuilder title = new StringBuilder();
		for (String word : base.split("[\\s_\\-]+")) {
			if (word.isEmpty()) {
				continue;
			}
			if (!title.isEmpty()) {
				title.append(' ');
			}
			title.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
		}
		return title.isEmpty() ? filename : title.toString();
	}

	/** Counts what passes and fails once the limit is passed, before more is written. */
	private static final class Limited extends FilterInputStream {

		private final long limit;

		private final UploadRules rules;

		private long count;

		Limited(InputStream in, UploadRules rules) {
			super(in);
			this.rules = rules;
			this.limit = rules.maxUploadSize().toBytes();
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				counted(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				counted(n);
			}
			return n;
		}

		@Override
		public void close() {
			// the owner of the stream closes it
		}

		private void counted(int n) {
			this.count += n;
			if (this.count > this.limit) {
				throw this.rules.tooLarge();
			}
		}

	}

}
