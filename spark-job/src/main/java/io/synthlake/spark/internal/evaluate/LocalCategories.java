package io.synthlake.spark.internal.evaluate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A categorical column's value counts over a small table's collected rows, giving the same most
 * frequent and rare values as {@link PlanFitter}'s Spark jobs: most frequent first, ties by value;
 * rare values by value. Values compare as Spark compares strings, by code point (UTF-8 byte order),
 * which differs from {@link String#compareTo} beyond the Basic Multilingual Plane.
 */
final class LocalCategories {
  static final Comparator<String> SPARK_ORDER =
      (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
          int x = a.codePointAt(i);
          int y = b.codePointAt(j);
          if (x != y) {
            return Integer.compare(x, y);
          }

          i += Character.charCount(x);
          j += Character.charCount(y);
        }

        return Integer.compare(a.length() - i, b.length() - j);
      };

  private final Map<String, Long> counts;

  private LocalCategories(Map<String, Long> counts) {
    this.counts = counts;
  }

  static LocalCategories of(List<Object[]> rows, int column) {
    Map<String, Long> counts = new HashMap<>();
    for (Object[] row : rows) {
      if (row[column] != null) {
        counts.merge((String) row[column], 1L, Long::sum);
      }
    }

    return new LocalCategories(counts);
  }

  /** The {@code n} most frequent values, ties by value. */
  List<String> top(int n) {
    List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
    entries.sort(
        Map.Entry.<String, Long>comparingByValue()
            .reversed()
            .thenComparing(Map.Entry.comparingByKey(SPARK_ORDER)));
    return entries.stream().limit(n).map(Map.Entry::getKey).toList();
  }

  /** The first {@code max} values, by value, seen fewer than {@code threshold} times. */
  Map<String, Long> rare(int threshold, int max) {
    Map<String, Long> rare = new LinkedHashMap<>();
    counts.entrySet().stream()
        .filter(entry -> entry.getValue() < threshold)
        .sorted(Map.Entry.comparingByKey(SPARK_ORDER))
        .limit(max)
        .forEach(entry -> rare.put(entry.getKey(), entry.getValue()));
    return rare;
  }
}
