package io.synthlake.core.evaluate;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Gower-style distance between rows for the distance-to-closest-record search: the mean over the
 * compared columns of |a − b| / range (capped at 1) for numeric columns and of 0 (equal) or 1
 * (different) for categorical ones. A null is equal to a null and at distance 1 from any value.
 * Numeric ranges are the training data's 1st to 99th percentile, so that one outlier does not
 * shrink every other difference.
 *
 * <p>Rows are first encoded as double arrays on the driver ({@link Encoder}: categories become
 * dictionary codes), so the search itself runs over primitive arrays.
 */
public final class RecordDistance implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final double NULL_CODE = -1;

  private final int[] columns;
  private final boolean[] numeric;
  private final double[] range;

  private RecordDistance(int[] columns, boolean[] numeric, double[] range) {
    this.columns = columns;
    this.numeric = numeric;
    this.range = range;
  }

  /**
   * @param columns indices of the compared columns in the profile's rows
   * @param numeric per compared column, whether it is numeric
   * @param range per compared column, a positive numeric range (ignored for categorical columns)
   */
  public static RecordDistance of(int[] columns, boolean[] numeric, double[] range) {
    double[] safe = range.clone();
    for (int i = 0; i < safe.length; i++) {
      safe[i] = safe[i] > 0 && Double.isFinite(safe[i]) ? safe[i] : 1;
    }

    return new RecordDistance(columns.clone(), numeric.clone(), safe);
  }

  public int width() {
    return columns.length;
  }

  /**
   * Encodes rows with one shared category dictionary; encode every table to compare with the same
   * encoder.
   */
  public Encoder encoder() {
    return new Encoder();
  }

  /** Turns profile rows (Double, String or null per column) into double arrays. */
  public final class Encoder {
    private final List<Map<String, Integer>> codes = new ArrayList<>();

    private Encoder() {
      for (int i = 0; i < columns.length; i++) {
        codes.add(new HashMap<>());
      }
    }

    public double[] encode(Object[] row) {
      double[] encoded = new double[columns.length];
      for (int i = 0; i < columns.length; i++) {
        Object value = row[columns[i]];
        if (numeric[i]) {
          encoded[i] = value == null ? Double.NaN : ((Number) value).doubleValue();
        } else if (value == null) {
          encoded[i] = NULL_CODE;
        } else {
          Map<String, Integer> dictionary = codes.get(i);
          encoded[i] = dictionary.computeIfAbsent((String) value, v -> dictionary.size());
        }
      }

      return encoded;
    }
  }

  /** The distance between two encoded rows, in [0, 1]. */
  public double distance(double[] a, double[] b) {
    return sum(a, b, Double.POSITIVE_INFINITY) / columns.length;
  }

  /**
   * The smallest distance from {@code row} to any of {@code reference}; +∞ if the reference is
   * empty.
   */
  public double nearest(double[] row, double[][] reference) {
    double best = Double.POSITIVE_INFINITY;
    for (double[] candidate : reference) {
      best = Math.min(best, sum(row, candidate, best));
      if (best == 0) {
        break;
      }
    }

    return best / columns.length;
  }

  /**
   * The summed column distances, abandoned (returning ≥ bound) as soon as they reach {@code bound}.
   */
  private double sum(double[] a, double[] b, double bound) {
    double sum = 0;
    for (int i = 0; i < a.length && sum < bound; i++) {
      if (numeric[i]) {
        boolean nullA = Double.isNaN(a[i]);
        boolean nullB = Double.isNaN(b[i]);
        sum +=
            nullA || nullB
                ? (nullA == nullB ? 0 : 1)
                : Math.min(1, Math.abs(a[i] - b[i]) / range[i]);
      } else if (a[i] != b[i]) {
        sum += 1;
      }
    }

    return sum;
  }
}
