package dev.tidings.activity;

import java.util.Map;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A revision's row or delta, a JSON object stored as text, which both H2 and PostgreSQL
 * hold without a vendor JSON type.
 */
@Converter
public class JsonText implements AttributeConverter<@Nullable Map<String, Object>, @Nullable String> {

	static final JsonMapper JSON = JsonMapper.builder().build();

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
