package io.synthlake.core.spec;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import net.datafaker.Faker;

/**
 * Realistic values from Datafaker, drawn once on the driver into a seeded pool. Executors then pick pool entries like
 * categories, which keeps generation deterministic from (seed, row) and free of per-row Faker calls, which are about a
 * hundred times slower than numeric columns.
 */
public final class FakerPool {
  private FakerPool() {}

  /**
   * Distinct values with their counts, from {@code size} draws.
   *
   * @param provider a Datafaker provider method such as {@code Name.fullName}, {@code Address.city} or
   *     {@code Finance.iban}, or a full expression such as {@code #{Name.firstName}.#{Name.lastName}@example.com}
   * @param where the spec field, for errors
   */
  public static Map<String, Integer> draw(String provider, String locale, int size, long seed, String where) {
    Faker faker = new Faker(Locale.forLanguageTag(locale), new Random(seed));
    String expression = provider.contains("#{") ? provider : "#{" + provider + "}";
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (int i = 0; i < size; i++) {
      String value;
      try {
        value = faker.expression(expression);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(where + ": Datafaker cannot evaluate '" + provider + "' (" + e.getMessage()
            + "); use a provider method such as Name.fullName, Address.city, PhoneNumber.cellPhone, Company.name or Finance.iban");
      }

      if (value == null || value.isEmpty() || value.equals(expression)) {
        throw new IllegalArgumentException(where + ": Datafaker does not know '" + provider
            + "'; use a provider method such as Name.fullName, Address.city, PhoneNumber.cellPhone, Company.name or Finance.iban");
      }

      counts.merge(value, 1, Integer::sum);
    }

    return counts;
  }
}
