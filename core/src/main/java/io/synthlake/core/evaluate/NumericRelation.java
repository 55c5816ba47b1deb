package io.synthlake.core.evaluate;

import io.synthlake.core.fit.RelationSearch;
import io.synthlake.core.model.Derivation;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * An arithmetic relation of the training data, as the fit finds derived columns ({@link
 * io.synthlake.core.fit.RelationSearch}), checked row by row: an exact linear one ({@code total =
 * repair + other}, {@code F = 1.8 · C + 32}) holds within its columns' rounding, a log-linear one
 * ({@code carat ≈ 0.0061 · x · y · z (within 10%)}) within its relative tolerance.
 *
 * @param formula the relation as people write it
 * @param linear whether it is {@code target = constant + Σ coefficient·input}, else {@code target =
 *     exp(constant) · Π input^coefficient}
 * @param tolerance a log-linear relation's relative tolerance
 * @param target the computed column's index in the plan
 * @param inputs the input columns' indices, in the derivation's order
 * @param halfUnit for a linear relation, the distance within which the fit found it to hold on the
 *     training values ({@link Derivation#roundingTolerance}: 0.5 for a sum of whole numbers, 0.005
 *     for one of cents)
 */
public record NumericRelation(
    String formula,
    boolean linear,
    int target,
    List<Integer> inputs,
    double[] coefficients,
    double constant,
    double tolerance,
    double halfUnit)
    implements Serializable {
  public NumericRelation {
    inputs = List.copyOf(inputs);
    coefficients = coefficients.clone();
  }

  /**
   * The relations the fit's search finds among the numeric columns {@code numeric} of the sample
   * rows.
   */
  public static List<NumericRelation> find(
      List<Object[]> rows, List<String> names, List<Integer> numeric) {
    List<String> searched = numeric.stream().map(names::get).toList();
    List<double[]> values = new ArrayList<>();
    for (int column : numeric) {
      double[] x = new double[rows.size()];
      for (int row = 0; row < x.length; row++) {
        Object value = rows.get(row)[column];
        x[row] = value == null ? Double.NaN : ((Number) value).doubleValue();
      }

      values.add(x);
    }

    List<NumericRelation> found = new ArrayList<>();
    for (Derivation derivation : RelationSearch.find(searched, values)) {
      int target = names.indexOf(derivation.target());
      List<Integer> inputs = derivation.inputs().stream().map(names::indexOf).toList();
      double[] inputUnits = new double[inputs.size()];
      for (int i = 0; i < inputUnits.length; i++) {
        inputUnits[i] = unit(values.get(searched.indexOf(derivation.inputs().get(i))));
      }

      double halfUnit =
          Derivation.roundingTolerance(
              unit(values.get(searched.indexOf(derivation.target()))),
              derivation.coefficients(),
              inputUnits);

      found.add(
          new NumericRelation(
              derivation.formula(),
              derivation.form() == Derivation.Form.LINEAR,
              target,
              inputs,
              derivation.coefficients(),
              derivation.constant(),
              derivation.tolerance(),
              halfUnit));
    }

    return found;
  }

  /** 10^-d for the fewest decimals d (0 to 10) that hold every value; 0 for unrounded reals. */
  static double unit(double[] x) {
    for (int places = 0; places <= 10; places++) {
      double scale = Math.pow(10, places);
      boolean fits = true;
      for (int row = 0; row < x.length && fits; row++) {
        if (!Double.isNaN(x[row])) {
          double scaled = x[row] * scale;
          fits = Math.abs(scaled - Math.rint(scaled)) <= 1e-9 * Math.max(1, Math.abs(scaled));
        }
      }

      if (fits) {
        return 1 / scale;
      }
    }

    return 0;
  }

  /** 1 if the row keeps the relation, 0 if it breaks it, −1 if one of its columns is null. */
  public int check(Object[] row) {
    Object targetValue = row[target];
    if (targetValue == null) {
      return -1;
    }

    double y = ((Number) targetValue).doubleValue();
    double difference = linear ? y : Math.log(y);
    double scale = Math.abs(y);
    for (int i = 0; i < inputs.size(); i++) {
      Object value = row[inputs.get(i)];
      if (value == null) {
        return -1;
      }

      double x = ((Number) value).doubleValue();
      difference -= coefficients[i] * (linear ? x : Math.log(x));
      scale += Math.abs(x);
    }

    double error = Math.abs(difference - constant);
    boolean kept =
        linear
            ? error <= Math.max(1e-9 * Math.max(1, scale), halfUnit)
            : error <= Math.log1p(tolerance) * (1 + 1e-9);
    return kept ? 1 : 0;
  }
}
