package dev.tidings.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Sizes bind as a Directus {@code .env} writes them as well as in Spring's form; what is
 * not a size is refused with the value in the message, never read as something else.
 * (FilesApiTests binds {@code 64kb} through the real context.)
 */
class DataSizeConverterTests {

	private final DataSizeConverter converter = new DataSizeConverter();

	@ParameterizedTest
	@CsvSource({ "100mb, 104857600", "100MB, 104857600", "5 MB, 5242880", "1.5gb, 1610612736", "64kb, 65536",
			"1048576, 1048576", "12b, 12", "2TB, 2199023255552", "' 10Mb ', 10485760" })
	void convertWhenWrittenEitherWayThenBytes(String text, long bytes) {
		assertThat(this.converter.convert(text).toBytes()).isEqualTo(bytes);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "mb", "-1mb", "10 megabytes", "1e3", "10pb", "1,5mb" })
	void convertWhenNotASizeThenRefusedNamingTheValue(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> this.converter.convert(text)).withMessageContaining(text);
	}

	@Test
	void convertWhenPastLongThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.converter.convert("99999999999tb"))
			.withMessageContaining("too large");
	}

}
