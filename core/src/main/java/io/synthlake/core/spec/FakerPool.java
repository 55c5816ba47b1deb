package io.synthlake.core.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import net.datafaker.Faker;

/**
 * Realistic values from Datafaker, drawn once on the driver into a seeded pool. Executors then pick
 * pool entries like categories, which keeps generation deterministic from (seed, row) and free of
 * per-row Faker calls, which are about a hundred times slower than numeric columns. Pools are a
 * function of their arguments, so the last few drawn are kept: a notebook or benchmark that reads
 * the same spec again does not pay Datafaker's start-up (most of a second) again.
 */
public final class FakerPool {
  private static final int KEPT_POOLS = 32;
  private static final Map<List<Object>, Map<String, Integer>> RECENT =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Object>, Map<String, Integer>> eldest) {
          return size() > KEPT_POOLS;
        }
      };

  private FakerPool() {}

  /**
   * Distinct values with their counts, from {@code size} draws.
   *
   * @param provider a Datafaker provider method such as {@code Name.fullName}, {@code Address.city}
   *     or {@code Finance.iban}, or a template such as {@code
   *     #{Name.firstName}.#{Name.lastName}@example.com}; checked by {@link FakerTemplate}, since
   *     Datafaker itself would call any method it can reach
   * @param where the spec field, for errors
   */
  public static Map<String, Integer> draw(
      String provider, String locale, int size, long seed, String where) {
    List<Object> key = List.of(provider, locale, size, seed);
    synchronized (RECENT) {
      Map<String, Integer> pool = RECENT.get(key);
      if (pool != null) {
        return pool;
      }
    }

    Map<String, Integer> pool =
        Collections.unmodifiableMap(drawNew(provider, locale, size, seed, where));
    synchronized (RECENT) {
      RECENT.put(key, pool);
    }

    return pool;
  }

  private static Map<String, Integer> drawNew(
      String provider, String locale, int size, long seed, String where) {
    String expression = FakerTemplate.expression(provider, where);
    Faker faker = new Faker(Locale.forLanguageTag(locale), new Random(seed));
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (int i = 0; i < size; i++) {
      String value;
      try {
        value = faker.expression(expression);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            where
                + ": Datafaker cannot evaluate '"
                + provider
                + "' ("
                + e.getMessage()
                + "); use a provider method such as Name.fullName, Address.city, PhoneNumber.cellPhone, Company.name or Finance.iban");
      }

      if (value == null || value.isEmpty() || value.equals(expression)) {
        throw new IllegalArgumentException(
            where
                + ": Datafaker does not know '"
                + provider
                + "'; use a provider method such as Name.fullName, Address.city, PhoneNumber.cellPhone, Company.name or Finance.iban");
      }

      counts.merge(value, 1, Integer::sum);
    }

    return counts;
  }
}
