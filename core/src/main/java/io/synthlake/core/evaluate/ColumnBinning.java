package io.synthlake.core.evaluate;

import io.synthlake.core.SynthlakeException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How one column is binned for evaluation, with bins fitted on the training data. A numeric column
 * (numbers, dates and timestamps as epoch values) has equal-frequency bins; a categorical column
 * has a bin per most frequent value and one for "(other)". Every column has a last bin for nulls.
 * Each column has two binnings: the coarse one that accuracy uses (10 bins, published practice) and
 * a fine one for the per-column statistic (KS at the training percentiles, TVD over the most
 * frequent values).
 */
public final class ColumnBinning implements Serializable {
  private static final long serialVersionUID = 1L;

  /** How a numeric column's edges read in bin labels. */
  public enum Scale {
    NUMBER,
    DATE,
    TIMESTAMP
  }

  private final String name;
  private final boolean numeric;
  private final Scale scale;
  private final double[] edges;
  private final double[] fineEdges;
  private final List<String> values;
  private final Map<String, Integer> valueIndex;
  private final int fineValueCount;

  private ColumnBinning(
      String name,
      boolean numeric,
      Scale scale,
      double[] edges,
      double[] fineEdges,
      List<String> values,
      int fineValueCount) {
    this.name = name;
    this.numeric = numeric;
    this.scale = scale;
    this.edges = edges;
    this.fineEdges = fineEdges;
    this.values = List.copyOf(values);
    this.fineValueCount = fineValueCount;
    this.valueIndex = new HashMap<>();
    for (int i = 0; i < values.size(); i++) {
      valueIndex.put(values.get(i), i);
    }
  }

  /**
   * A numeric column from its training quantiles: bin i holds [edge[i−1], edge[i]). Repeated edges
   * (a value with a point mass) collapse, so a column can have fewer bins than quantiles asked for.
   */
  public static ColumnBinning numeric(
      String name, Scale scale, double[] quantiles, double[] fineQuantiles) {
    return new ColumnBinning(
        name,
        true,
        scale,
        distinctSorted(name, quantiles),
        distinctSorted(name, fineQuantiles),
        List.of(),
        0);
  }

  /**
   * A categorical column from its most frequent training values, most frequent first: the first
   * {@link EvaluationSettings#COARSE_CATEGORIES} of them get a coarse bin each, all of them a fine
   * bin each.
   */
  public static ColumnBinning categorical(String name, List<String> valuesByFrequency) {
    SynthlakeException.check(
        valuesByFrequency.stream().noneMatch(Objects::isNull),
        "evaluate: column '%s': null is its own bin, not a value",
        name);
    return new ColumnBinning(
        name,
        false,
        Scale.NUMBER,
        new double[0],
        new double[0],
        valuesByFrequency,
        valuesByFrequency.size());
  }

  private static double[] distinctSorted(String name, double[] quantiles) {
    for (double q : quantiles) {
      SynthlakeException.check(
          Double.isFinite(q), "evaluate: column '%s': quantile %s is not finite", name, q);
    }

    return Arrays.stream(quantiles).sorted().distinct().toArray();
  }

  public String name() {
    return name;
  }

  public boolean isNumeric() {
    return numeric;
  }

  /** Coarse bins: the value bins, then "(other)" for categorical columns, then nulls. */
  public int binCount() {
    return numeric ? edges.length + 2 : coarseValues() + 2;
  }

  public int fineBinCount() {
    return numeric ? fineEdges.length + 2 : fineValueCount + 2;
  }

  public int nullBin() {
    return binCount() - 1;
  }

  public int fineNullBin() {
    return fineBinCount() - 1;
  }

  private int coarseValues() {
    return Math.min(values.size(), EvaluationSettings.COARSE_CATEGORIES);
  }

  /** The training median of a numeric column (0 when it had no values). */
  public double median() {
    return fineEdges.length == 0 ? 0 : fineEdges[fineEdges.length / 2];
  }

  /**
   * A categorical column's most frequent training values, most frequent first; empty for numeric
   * columns.
   */
  public List<String> values() {
    return values;
  }

  /**
   * The coarse bin of a value: a Double for numeric columns, a String for categorical ones, null
   * for null.
   */
  public int bin(Object value) {
    return bin(value, edges, coarseValues());
  }

  /** The fine bin of a value, as {@link #bin}. */
  public int fineBin(Object value) {
    return bin(value, fineEdges, fineValueCount);
  }

  /**
   * Value bins first (by edges, or one per listed value), then "(other)" for categories, then
   * nulls.
   */
  private int bin(Object value, double[] cuts, int listedValues) {
    int valueBins = numeric ? cuts.length + 1 : listedValues + 1;
    if (value == null) {
      return valueBins;
    }

    if (numeric) {
      return upperBound(cuts, ((Number) value).doubleValue());
    }

    Integer index = valueIndex.get((String) value);
    return index != null && index < listedValues ? index : listedValues;
  }

  /** The number of edges ≤ x: bin i covers [edges[i−1], edges[i]). NaN sorts last, like Spark. */
  private static int upperBound(double[] sorted, double x) {
    if (Double.isNaN(x)) {
      return sorted.length;
    }

    int low = 0;
    int high = sorted.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (sorted[mid] <= x) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }

    return low;
  }

  /** The coarse bin labels, "(null)" last. */
  public List<String> labels() {
    List<String> labels = new ArrayList<>();
    if (numeric) {
      for (int i = 0; i <= edges.length; i++) {
        String low = i == 0 ? "" : format(edges[i - 1]);
        String high = i == edges.length ? "" : format(edges[i]);
        labels.add(
            i == 0 ? "< " + high : i == edges.length ? "≥ " + low : "[" + low + ", " + high + ")");
      }

      if (edges.length == 0) {
        labels.set(0, "all values");
      }
    } else {
      labels.addAll(values.subList(0, coarseValues()));
      labels.add("(other)");
    }

    labels.add("(null)");
    return labels;
  }

  private String format(double edge) {
    switch (scale) {
      case DATE:
        return LocalDate.ofEpochDay((long) Math.floor(edge)).toString();
      case TIMESTAMP:
        return Instant.ofEpochSecond(Math.floorDiv((long) edge, 1_000_000L)).toString();
      default:
        double magnitude = Math.abs(edge);
        return magnitude != 0 && (magnitude >= 1e6 || magnitude < 1e-3)
            ? String.format(Locale.ROOT, "%.3g", edge)
            : new BigDecimal(edge).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
  }
}
