package dev.tidings.schema;

import java.util.Map;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores a JSON object (a permission's filter or presets, a revision's row) as text,
 * which both H2 and PostgreSQL hold without a vendor JSON type.
 */
@Converter
public class JsonColumn implements AttributeConverter<@Nullable Map<String, Object>, @Nullable String> {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	@Override
	public @Nullable String convertToDatabaseColumn(@Nullable Map<String, Object> value) {
		return (value != null) ? JSON.writeValueAsString(value) : null;
	}

	@Override
	public @Nullable Map<String, Object> convertToEntityAttribute(@Nullable String column) {
		return (column != null && !column.isBlank()) ? JSON.readValue(column, MAP) : null;
	}

}
