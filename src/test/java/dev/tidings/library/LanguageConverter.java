package dev.tidings.library;

import java.util.Locale;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link Locale} as its language tag, as a team's own converter would. */
@Converter
public class LanguageConverter implements AttributeConverter<Locale, String> {

	@Override
	public String convertToDatabaseColumn(Locale locale) {
		return (locale != null) ? locale.toLanguageTag() : null;
	}

	@Override
	public Locale convertToEntityAttribute(String tag) {
		return (tag != null) ? Locale.forLanguageTag(tag) : null;
	}

}
