package io.synthlake.core.evaluate;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A functional dependency of the training data: each value of the determinant (one column, or a
 * combination of two) goes with one value of the dependent column in at least {@link
 * DependencyFinder#MIN_SHARE} of the training rows. The mapping holds, for each determinant value,
 * the dependent value it goes with most often. Values are as the profile sees them (Double or
 * String; null as {@link #NULL}); a determinant of two columns is keyed by the list of its values.
 *
 * @param trainShare the share of training sample rows whose dependent value is the one the mapping
 *     gives
 */
public record FunctionalDependency(
    List<Integer> determinant, int dependent, Map<Object, Object> mapping, double trainShare)
    implements Serializable {
  /** Stands for null in mappings, since maps of values compare nulls poorly. */
  public static final String NULL = "\u0000null";

  public FunctionalDependency {
    determinant = List.copyOf(determinant);
    mapping = Map.copyOf(mapping);
  }

  static Object key(Object value) {
    return value == null ? NULL : value;
  }

  /** The mapping's key for a row: the value of a one-column determinant, else their list. */
  Object determinantKey(Object[] row) {
    if (determinant.size() == 1) {
      return key(row[determinant.get(0)]);
    }

    List<Object> values = new ArrayList<>(determinant.size());
    for (int column : determinant) {
      values.add(key(row[column]));
    }

    return values;
  }

  /**
   * 1 if the row keeps the dependency, 0 if it breaks it, −1 if its determinant value is not in the
   * mapping.
   */
  public int check(Object[] row) {
    Object expected = mapping.get(determinantKey(row));
    if (expected == null) {
      return -1;
    }

    return Objects.equals(expected, key(row[dependent])) ? 1 : 0;
  }
}
