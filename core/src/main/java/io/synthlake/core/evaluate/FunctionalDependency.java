package io.synthlake.core.evaluate;

import java.io.Serializable;
import java.util.Map;
import java.util.Objects;

/**
 * A functional dependency of the training data: each value of the determinant column goes with
 * exactly one value of the dependent column. Values are as the profile sees them (Double or String;
 * null as {@link #NULL}).
 */
public record FunctionalDependency(int determinant, int dependent, Map<Object, Object> mapping)
    implements Serializable {
  /** Stands for null in mappings, since maps of values compare nulls poorly. */
  public static final String NULL = "\u0000null";

  public FunctionalDependency {
    mapping = Map.copyOf(mapping);
  }

  static Object key(Object value) {
    return value == null ? NULL : value;
  }

  /**
   * 1 if the row keeps the dependency, 0 if it breaks it, −1 if its determinant value is not in the
   * mapping.
   */
  public int check(Object[] row) {
    Object expected = mapping.get(key(row[determinant]));
    if (expected == null) {
      return -1;
    }

    return Objects.equals(expected, key(row[dependent])) ? 1 : 0;
  }
}
