package me.adsby.workbench.storage.dataset.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValuesAndNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "NA", "na", " N/A ", "null", "NULL", "NaN", "nan"})
    void missingValues(String value) {
        assertThat(Values.isMissing(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "N", "None", "nil", "-", "NAN1", "nulls"})
    void notMissing(String value) {
        assertThat(Values.isMissing(value)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"1,1", "0,0", "TRUE,1", "false,0", "Yes,1", "NO,0", "' true ',1", "2,-1", "y,-1", "1.0,-1"})
    void binary(String value, int expected) {
        assertThat(Values.binary(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.png", "img/A.JPG", "gs://b/x/y.jpeg", "x.Jpeg"})
    void images(String value) {
        assertThat(Values.isImage(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.gif", "png", ".png", "a.png.txt"})
    void notImages(String value) {
        assertThat(Values.isImage(value)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"42,42", "-7,-7", "+3,3", "3.25,3.25", "0.1,0.1", "1e3,1000", "2.5E-3,0.0025", "' 12 ',12",
        ".5,0.5", "5.,5", "123456789012345678901234,1.2345678901234568E23", "0.1234567890123456789,0.12345678901234568"})
    void numbersMatchJava(String text, double expected) {
        NumberParser parser = new NumberParser();
        assertThat(parser.parse(text)).isTrue();
        assertThat(parser.value()).isEqualTo(expected);
        assertThat(parser.value()).isEqualTo(Double.parseDouble(text.strip()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "1,5", "1.2.3", "1e", "--1", "-", ".", "0x10", "Infinity", "NaN", "1d", "1 2"})
    void notNumbers(String text) {
        assertThat(new NumberParser().parse(text)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"12,true", "-3,true", "1.0,false", "1e2,false"})
    void integral(String text, boolean expected) {
        NumberParser parser = new NumberParser();
        assertThat(parser.parse(text)).isTrue();
        assertThat(parser.integral()).isEqualTo(expected);
    }
}
