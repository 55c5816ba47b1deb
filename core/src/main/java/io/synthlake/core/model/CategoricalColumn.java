package io.synthlake.core.model;

import io.synthlake.core.Errors;
import io.synthlake.core.types.ColumnKind;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import io.synthlake.core.types.Values;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A categorical, boolean or text column. Categories are written as text and parsed per the column
 * type; their order (most frequent first) is the order of the copula's cumulative intervals. Each
 * component holds the null share and one probability per category. A text column also has a {@link
 * TextComposer} that fills its "other" category with values composed from frequent words, so rare
 * real values are never copied.
 */
public final class CategoricalColumn implements ColumnModel {
  private final String name;
  private final DataType type;
  private final ColumnKind kind;
  private final List<String> categories;
  private final List<double[]> probabilities;
  private final double[] nullShares;
  private final TextComposer composer;

  private CategoricalColumn(
      String name,
      DataType type,
      ColumnKind kind,
      List<String> categories,
      List<double[]> probabilities,
      double[] nullShares,
      TextComposer composer) {
    this.name = name;
    this.type = type;
    this.kind = kind;
    this.categories = List.copyOf(categories);
    this.probabilities =
        probabilities.stream().map(double[]::clone).collect(Collectors.toUnmodifiableList());
    this.nullShares = nullShares.clone();
    this.composer = composer;
  }

  /**
   * @param probabilities per component, one probability per category of the non-null values,
   *     summing to 1
   * @param nullShares per component
   * @param composer the text composer for the last category of a text column (null for other kinds)
   */
  public static CategoricalColumn of(
      String name,
      DataType type,
      ColumnKind kind,
      List<String> categories,
      List<double[]> probabilities,
      double[] nullShares,
      TextComposer composer) {
    String where = "column '" + name + "'";
    if (kind != ColumnKind.CATEGORICAL && kind != ColumnKind.BOOLEAN && kind != ColumnKind.TEXT) {
      throw Errors.invalidColumn(
          name,
          "kind",
          "kind %s is not categorical; use categorical, boolean or text",
          kind.jsonName());
    }

    if ((kind == ColumnKind.TEXT) != (composer != null)) {
      throw Errors.invalidColumn(name, "text", "text columns, and only they, need a text composer");
    }

    if (probabilities.isEmpty() || probabilities.size() != nullShares.length) {
      throw Errors.invalidColumn(
          name,
          "probabilities",
          "needs one probability vector and null share per component, got %d " + "and %d",
          probabilities.size(),
          nullShares.length);
    }

    for (int c = 0; c < probabilities.size(); c++) {
      double[] p = probabilities.get(c);
      if (p.length != categories.size()) {
        throw Errors.invalidColumn(
            name,
            "probabilities",
            "component %d has %d probabilities for %d categories; give one "
                + "probability per category",
            c,
            p.length,
            categories.size());
      }

      double sum = 0;
      for (double value : p) {
        if (!(value >= 0)) {
          throw Errors.invalidColumn(
              name,
              "probabilities",
              "probabilities must be >= 0, got %s in component %d",
              value,
              c);
        }

        sum += value;
      }

      if (!(nullShares[c] >= 0 && nullShares[c] <= 1)
          || (nullShares[c] < 1 && Math.abs(sum - 1) > 1e-6)) {
        throw Errors.invalidColumn(
            name,
            "probabilities",
            "component %d probabilities must sum to 1 (got %s) and the null "
                + "share lie in [0, 1] (got %s)",
            c,
            sum,
            nullShares[c]);
      }
    }

    if (type.logicalType() != LogicalType.STRING) {
      for (int c = 0; c < categories.size(); c++) {
        Values.parse(categories.get(c), type, where + " categories[" + c + "]");
      }
    }

    return new CategoricalColumn(name, type, kind, categories, probabilities, nullShares, composer);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public DataType type() {
    return type;
  }

  @Override
  public ColumnKind kind() {
    return kind;
  }

  public List<String> categories() {
    return categories;
  }

  public double[] probabilities(int component) {
    return probabilities.get(component).clone();
  }

  /**
   * The upper ends of component {@code component}'s copula intervals, in [0, 1]: index 0 ends the
   * null slice, index c + 1 ends category c. Generation and rebalancing both slice the copula
   * uniform by these.
   */
  public double[] intervalEnds(int component) {
    double[] p = probabilities.get(component);
    double nullShare = nullShares[component];
    double[] ends = new double[p.length + 1];
    ends[0] = nullShare;
    for (int c = 0; c < p.length; c++) {
      ends[c + 1] = ends[c] + (1.0 - nullShare) * p[c];
    }

    return ends;
  }

  public double nullShare(int component) {
    return nullShares[component];
  }

  public int componentCount() {
    return nullShares.length;
  }

  /** The composer that fills the "other" category of a text column; null for other kinds. */
  public TextComposer composer() {
    return composer;
  }
}
