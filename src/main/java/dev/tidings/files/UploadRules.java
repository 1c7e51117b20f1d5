package dev.tidings.files;

import java.util.List;
import java.util.Locale;

import dev.tidings.errors.ErrorCode;
import dev.tidings.errors.TidingsException;
import org.springframework.util.unit.DataSize;

/**
 * What an upload or import may be: at most {@code maxUploadSize} bytes, of a type the
 * allow list matches ({@code image/*}, {@code application/pdf}, {@code * /*} for any).
 *
 * @param maxUploadSize the largest file accepted
 * @param mimeTypeAllowList the types accepted, each exact or with a {@code *} subtype or
 * type
 */
public record UploadRules(DataSize maxUploadSize, List<String> mimeTypeAllowList) {

	public UploadRules {
		mimeTypeAllowList = mimeTypeAllowList.stream().map((type) -> type.trim().toLowerCase(Locale.ROOT)).toList();
	}

	/** Any type, of any size a long can count. */
	public static UploadRules unlimited() {
		return new UploadRules(DataSize.ofBytes(Long.MAX_VALUE), List.of("*/*"));
	}

	/** Refuses a type off the allow list with {@code UNSUPPORTED_MEDIA_TYPE}. */
	void requireAllowed(String type) {
		String essence = type.toLowerCase(Locale.ROOT);
		int parameters = essence.indexOf(';');
		if (parameters >= 0) {
			essence = essence.substring(0, parameters).trim();
		}
		for (String allowed : this.mimeTypeAllowList) {
			if (matches(allowed, essence)) {
				return;
			}
		}
		throw new TidingsException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "File type \"" + essence + "\" isn't supported.");
	}

	/** The error of a file past {@link #maxUploadSize}. */
	TidingsException tooLarge() {
		return new TidingsException(ErrorCode.CONTENT_TOO_LARGE,
				"Uploaded content is too large. The limit is " + this.maxUploadSize.toBytes() + " bytes.");
	}

	private static boolean matches(String pattern, String type) {
		int slash = pattern.indexOf('/');
		int typeSlash = type.indexOf('/');
		if (slash < 0 || typeSlash < 0) {
			return pattern.equals(type);
		}
		return part(pattern.substring(0, slash), type.substring(0, typeSlash))
				&& part(pattern.substring(slash + 1), type.substring(typeSlash + 1));
	}

	private static boolean part(String pattern, String value) {
		return pattern.equals("*") || pattern.equals(value);
	}

}
