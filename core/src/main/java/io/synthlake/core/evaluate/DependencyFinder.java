package io.synthlake.core.evaluate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the functional dependencies that hold on every row of a training sample. A determinant must
 * repeat: at most {@link #MAX_DETERMINANT_VALUES} distinct values and on average at least {@link
 * #MIN_ROWS_PER_VALUE} rows per value, so that a dependency is evidence, not the coincidence of a
 * near-unique column. The dependent must vary.
 */
public final class DependencyFinder {
  public static final int MAX_DETERMINANT_VALUES = 1_000;
  public static final int MIN_ROWS_PER_VALUE = 10;

  private DependencyFinder() {}

  /**
   * @param rows sample rows, one value per column as the profile sees it (Double, String or null)
   * @param eligible which columns may take part (key columns may not)
   */
  public static List<FunctionalDependency> find(List<Object[]> rows, boolean[] eligible) {
    int columns = eligible.length;
    List<Set<Object>> distinct = new ArrayList<>();
    for (int c = 0; c < columns; c++) {
      Set<Object> values = new HashSet<>();
      for (Object[] row : rows) {
        if (values.size() > MAX_DETERMINANT_VALUES) {
          break;
        }

        values.add(FunctionalDependency.key(row[c]));
      }

      distinct.add(values);
    }

    List<FunctionalDependency> found = new ArrayList<>();
    for (int a = 0; a < columns; a++) {
      int values = distinct.get(a).size();
      boolean repeats =
          values >= 2
              && values <= MAX_DETERMINANT_VALUES
              && (long) values * MIN_ROWS_PER_VALUE <= rows.size();
      if (!eligible[a] || !repeats) {
        continue;
      }

      for (int b = 0; b < columns; b++) {
        if (b != a && eligible[b] && distinct.get(b).size() >= 2) {
          Map<Object, Object> mapping = mappingIfDetermined(rows, a, b);
          if (mapping != null) {
            found.add(new FunctionalDependency(a, b, mapping));
          }
        }
      }
    }

    return found;
  }

  private static Map<Object, Object> mappingIfDetermined(List<Object[]> rows, int a, int b) {
    Map<Object, Object> mapping = new HashMap<>();
    for (Object[] row : rows) {
      Object dependent = FunctionalDependency.key(row[b]);
      Object previous = mapping.putIfAbsent(FunctionalDependency.key(row[a]), dependent);
      if (previous != null && !previous.equals(dependent)) {
        return null;
      }
    }

    return mapping;
  }
}
