package dev.tidings.query;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTermsTests {

	@ParameterizedTest
	@ValueSource(strings = { "0", "42", "-1", "1.5", "-0.25", "0.000001", "9007199254740993",
			"123456789012345678901234567890", "0.1", "3.14159" })
	void numberWhenPrintedAsJavaScriptPrintsItThenTheNumber(String term) {
		assertThat(SearchTerms.number(term)).isEqualByComparingTo(new BigDecimal(term));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "-", "-0", "042", "+1", " 42", "42 ", "1e3", "1E3", "1.50", "1.", ".5", "0x10", "NaN",
			"Infinity", "0.0000001", "1000000000000000000000.5", "0.12345678901234567890", "1,5", "4 2" })
	void numberWhenJavaScriptWouldPrintItOtherwiseThenNull(String term) {
		assertThat(SearchTerms.number(term)).isNull();
	}

	@ParameterizedTest
	@CsvSource({ "0b1b7d1c-3f1e-4c5a-9a34-1d2f3e4a5b6c,true", "0B1B7D1C-3F1E-4C5A-9A34-1D2F3E4A5B6C,true",
			"0b1b7d1c3f1e4c5a9a341d2f3e4a5b6c,false", "{0b1b7d1c-3f1e-4c5a-9a34-1d2f3e4a5b6c},false",
			"0b1b7d1c-3f1e-4c5a-9a34-1d2f3e4a5b6,false" })
	void uuidWhenShapedAsOneInEitherCaseThenTrue(String term, boolean uuid) {
		assertThat(SearchTerms.uuid(term)).isEqualTo(uuid);
	}

}
