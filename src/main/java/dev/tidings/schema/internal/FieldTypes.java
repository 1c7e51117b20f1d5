package dev.tidings.schema.internal;

import java.lang.invoke.MethodType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.UUID;

import dev.tidings.schema.FieldType;

/**
 * Maps an attribute's Java type to the Directus field type.
 */
final class FieldTypes {

	private FieldTypes() {
	}

	static FieldType of(Class<?> javaType, boolean lob) {
		Class<?> type = boxed(javaType);
		if (type == Integer.class || type == Short.class || type == Byte.class) {
			return FieldType.INTEGER;
		}
		if (type == Long.class || type == BigInteger.class) {
			return FieldType.BIG_INTEGER;
		}
		if (type == Double.class || type == Float.class) {
			return FieldType.FLOAT;
		}
		if (type == BigDecimal.class) {
			return FieldType.DECIMAL;
		}
		if (type == String.class) {
			return lob ? FieldType.TEXT : FieldType.STRING;
		}
		if (type == Character.class || type.isEnum()) {
			return FieldType.STRING;
		}
		if (type == byte[].class) {
			return FieldType.BINARY;
		}
		if (type == Boolean.class) {
			return FieldType.BOOLEAN;
		}
		if (type == UUID.class) {
			return FieldType.UUID;
		}
		if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
			return FieldType.TIMESTAMP;
		}
		if (type == LocalDateTime.class) {
			return FieldType.DATE_TIME;
		}
		if (type == LocalDate.class) {
			return FieldType.DATE;
		}
		if (type == LocalTime.class) {
			return FieldType.TIME;
		}
		return FieldType.JSON;
	}

	static Class<?> boxed(Class<?> type) {
		return MethodType.methodType(type).wrap().returnType();
	}

}
