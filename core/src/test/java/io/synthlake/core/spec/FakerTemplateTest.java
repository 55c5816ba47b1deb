package io.synthlake.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Only Datafaker provider methods get through to Datafaker, which would otherwise call any method
 * it can reach.
 */
class FakerTemplateTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Name.fullName",
        "Address.city",
        " Finance.iban ",
        "address.zip_code",
        "Number.randomDigit",
        "#{Name.firstName}.#{Name.lastName}@example.com",
        "ID #{Number.randomDigit} {literal braces}"
      })
  void providerMethodsAndTemplatesOfThemPass(String provider) {
    assertThat(
            FakerPool.draw(provider, "en-US", 20, 5, "columns[0].distribution.provider")
                .values()
                .stream()
                .mapToInt(Integer::intValue)
                .sum())
        .isEqualTo(20);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "#{getClass.forName 'java.lang.Runtime'}               | is not a Datafaker provider method",
        "getClass.forName                                     | has no provider 'getClass'",
        "#{getClass.getResource '/META-INF/MANIFEST.MF'}      | is not a Datafaker provider method",
        "getContext.toString                                   | has no provider 'getContext'",
        "Name.getFaker                                         | provider has no method 'getFaker'",
        "Name.hashCode                                         | provider has no method 'hashCode'",
        "Options.option                                        | provider has no method 'option'",
        "#{regexify '(a+)+b'}                                  | is not a Datafaker provider method",
        "#{json 'a','#{Name.firstName}'}                       | unclosed or nested",
        "#{Name.firstName} #{Name.lastName                     | unclosed or nested",
        "#{Name.firstName #{Name.lastName}}                    | unclosed or nested",
        "Nope.nothing                                          | has no provider 'Nope'"
      })
  void everythingElseIsRefusedBeforeDatafakerRuns(String provider, String message) {
    assertThatThrownBy(
            () -> FakerTemplate.expression(provider.strip(), "columns[2].distribution.provider"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("columns[2].distribution.provider: ")
        .hasMessageContaining(message)
        .hasMessageContaining("use a provider method such as Name.fullName");
  }
}
