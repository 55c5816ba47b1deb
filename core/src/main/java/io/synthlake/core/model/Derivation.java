package io.synthlake.core.model;

import io.synthlake.core.Errors;
import java.util.List;
import java.util.Locale;

/**
 * An arithmetic relation that computes one column from others: {@code target = constant + Σ
 * coefficient·input} ({@link Form#LINEAR}) or {@code target = exp(constant) · Π input^coefficient}
 * ({@link Form#LOG_LINEAR}). The target keeps its copula slot, whose distributions hold the
 * residual (the target less the formula, on the log scale for log-linear): a relation with {@code
 * tolerance} 0 is exact and its residual is a point mass that only carries the target's null share;
 * a near-exact one adds the drawn residual. Where an input is null, the target is null.
 *
 * @param tolerance 0 for an exact relation (it holds within the columns' rounding), else the
 *     relative tolerance within which it held in at least 99% of the fit's rows
 */
public record Derivation(
    String target,
    Form form,
    List<String> inputs,
    double[] coefficients,
    double constant,
    double tolerance) {
  /** How the inputs combine. */
  public enum Form {
    LINEAR,
    LOG_LINEAR;

    public String jsonName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** The most inputs a relation may have: enough for sums of three parts and volumes. */
  public static final int MAX_INPUTS = 3;

  public Derivation {
    inputs = List.copyOf(inputs);
    coefficients = coefficients.clone();
    if (inputs.isEmpty() || inputs.size() > MAX_INPUTS || coefficients.length != inputs.size()) {
      throw Errors.invalidModel(
          "inputs",
          "derived column '%s' needs 1 to %d inputs with one coefficient each, got %d inputs and "
              + "%d coefficients",
          target,
          MAX_INPUTS,
          inputs.size(),
          coefficients.length);
    }

    for (double coefficient : coefficients) {
      if (!Double.isFinite(coefficient) || coefficient == 0) {
        throw Errors.invalidModel(
            "coefficients",
            "derived column '%s' has coefficient %s; coefficients must be finite and non-zero",
            target,
            coefficient);
      }
    }

    if (!Double.isFinite(constant) || !(tolerance >= 0 && tolerance < 1)) {
      throw Errors.invalidModel(
          "constant",
          "derived column '%s' needs a finite constant and a tolerance in [0, 1), got %s and %s",
          target,
          constant,
          tolerance);
    }

    if (inputs.contains(target) || inputs.stream().distinct().count() != inputs.size()) {
      throw Errors.invalidModel(
          "inputs",
          "derived column '%s' has inputs %s: a column cannot be its own input nor appear twice",
          target,
          inputs);
    }
  }

  public static Derivation of(
      String target,
      Form form,
      List<String> inputs,
      double[] coefficients,
      double constant,
      double tolerance) {
    return new Derivation(target, form, inputs, coefficients, constant, tolerance);
  }

  @Override
  public double[] coefficients() {
    return coefficients.clone();
  }

  public double coefficient(int input) {
    return coefficients[input];
  }

  public boolean exact() {
    return tolerance == 0;
  }

  /**
   * The distance within which an exact linear relation holds on rounded columns, from the columns'
   * rounding units (0.01 for cents, 1 for whole numbers, 0 for unrounded reals): half the coarsest
   * unit for a sum or difference, and for a scale of one input ({@code F = 1.8 · C + 32}) half the
   * target's unit plus half the input's times the scale, since both columns may be rounded from the
   * same unrounded value.
   */
  public static double roundingTolerance(
      double targetUnit, double[] coefficients, double[] inputUnits) {
    if (coefficients.length == 1 && Math.abs(coefficients[0]) != 1) {
      return (targetUnit + Math.abs(coefficients[0]) * inputUnits[0]) / 2;
    }

    double unit = targetUnit;
    for (double inputUnit : inputUnits) {
      unit = Math.max(unit, inputUnit);
    }

    return unit / 2;
  }

  /**
   * The relation as people write it: {@code Cost Total $ = Cost Repair + Cost Other}, {@code
   * experience = age - education - 6}, {@code carat ≈ 0.0061 · x · y · z (within 2%)}.
   */
  public String formula() {
    StringBuilder text = new StringBuilder(target).append(exact() ? " = " : " ≈ ");
    if (form == Form.LINEAR) {
      for (int i = 0; i < inputs.size(); i++) {
        double c = coefficients[i];
        String magnitude = Math.abs(c) == 1 ? "" : number(Math.abs(c)) + " · ";
        text.append(i == 0 ? (c < 0 ? "-" : "") : (c < 0 ? " - " : " + "))
            .append(magnitude)
            .append(inputs.get(i));
      }

      if (constant != 0) {
        text.append(constant < 0 ? " - " : " + ").append(number(Math.abs(constant)));
      }
    } else {
      text.append(number(Math.exp(constant)));
      for (int i = 0; i < inputs.size(); i++) {
        double c = coefficients[i];
        text.append(c < 0 ? " / " : " · ").append(inputs.get(i));
        if (Math.abs(c) != 1) {
          text.append('^').append(number(Math.abs(c)));
        }
      }
    }

    if (!exact()) {
      text.append(" (within ").append(number(tolerance * 100)).append("%)");
    }

    return text.toString();
  }

  private static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }

    return String.format(Locale.ROOT, "%.4g", value).replaceAll("\\.?0+$", "");
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Derivation
        && ((Derivation) other).target.equals(target)
        && ((Derivation) other).form == form
        && ((Derivation) other).inputs.equals(inputs)
        && java.util.Arrays.equals(((Derivation) other).coefficients, coefficients)
        && Double.compare(((Derivation) other).constant, constant) == 0
        && Double.compare(((Derivation) other).tolerance, tolerance) == 0;
  }

  @Override
  public int hashCode() {
    return target.hashCode() * 31 + java.util.Arrays.hashCode(coefficients);
  }
}
