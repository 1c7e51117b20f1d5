package dev.tidings.security.internal;

import java.util.Arrays;
import java.util.List;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.jspecify.annotations.Nullable;

/** Stores a list of field names comma-separated, as Directus's {@code csv} type. */
@Converter
public class CsvColumn implements AttributeConverter<@Nullable List<String>, @Nullable String> {

	@Override
	public @Nullable String convertToDatabaseColumn(@Nullable List<String> value) {
		return (value != null) ? String.join(",", value) : null;
	}

	@Override
	public @Nullable List<String> convertToEntityAttribute(@Nullable String column) {
		if (column == null) {
			return null;
		}
		return Arrays.stream(column.split(",")).map(String::trim).filter((name) -> !name.isEmpty()).toList();
	}

}
