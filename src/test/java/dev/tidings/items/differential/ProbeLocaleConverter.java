package dev.tidings.items.differential;

import java.util.Locale;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link Locale} as its language tag: a converted attribute of the probe. */
@Converter
class ProbeLocaleConverter implements AttributeConverter<Locale, String> {

	@Override
	public String convertToDatabaseColumn(Locale locale) {
		return (locale != null) ? locale.toLanguageTag() : null;
	}

	@Override
	public Locale convertToEntityAttribute(String tag) {
		return (tag != null) ? Locale.forLanguageTag(tag) : null;
	}

}
