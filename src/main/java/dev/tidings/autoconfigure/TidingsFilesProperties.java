package dev.tidings.autoconfigure;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.util.unit.DataSize;

/**
 * What uploads and imports of files may be.
 *
 * @param maxUploadSize the largest file an upload or import may store, as Directus's
 * {@code FILES_MAX_UPLOAD_SIZE}; a larger one gets {@code CONTENT_TOO_LARGE} and nothing
 * is stored
 * @param mimeTypeAllowList the types, read from the bytes, that may be stored, as
 * Directus's {@code FILES_MIME_TYPE_ALLOW_LIST}: exact ({@code application/pdf}) or with
 * wildcards ({@code image/*}, {@code * /*}); another type gets
 * {@code UNSUPPORTED_MEDIA_TYPE}
 * @param importSettings importing files from a URL ({@code POST /files/import})
 */
@ConfigurationProperties("tidings.files")
public record TidingsFilesProperties(@DefaultValue("100MB") DataSize maxUploadSize,
		@DefaultValue("*/*") List<String> mimeTypeAllowList, @DefaultValue @Name("import") Import importSettings) {

	/**
	 * Importing files from a URL.
	 *
	 * @param enabled whether {@code POST /files/import} fetches URLs at all; off, it
	 * answers {@code FORBIDDEN}
	 * @param allowPrivateAddresses whether an import may fetch from loopback, private,
	 * link-local, multicast or unspecified addresses, which only the server can reach
	 * @param timeout how long connecting to the URL and each read from it may take
	 */
	public record Import(@DefaultValue("false") boolean enabled, @DefaultValue("false") boolean allowPrivateAddresses,
			@DefaultValue("30s") Duration timeout) {

	}

}
