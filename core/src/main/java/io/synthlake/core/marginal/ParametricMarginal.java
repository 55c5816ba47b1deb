package io.synthlake.core.marginal;

import io.synthlake.core.Errors;
import io.synthlake.core.math.Normal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * A named distribution with parameters, for specs: constant, uniform, normal, log-normal,
 * exponential, Poisson, Zipf. Optionally truncated to [lower, upper] by inverting the CDF over the
 * truncated range, so bounds reshape the distribution instead of piling mass on the bounds.
 * Discrete families (Poisson, Zipf) invert a cumulative table.
 */
public final class ParametricMarginal implements Marginal {
  /** The supported families and their parameter names. */
  public enum Family {
    CONSTANT("value"),
    UNIFORM("min", "max"),
    NORMAL("mean", "sd"),
    LOG_NORMAL("mu", "sigma"),
    EXPONENTIAL("rate"),
    POISSON("mean"),
    ZIPF("n", "exponent");

    private final String[] parameters;

    Family(String... parameters) {
      this.parameters = parameters;
    }

    public String jsonName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String[] parameters() {
      return parameters.clone();
    }

    public static Family parse(String text) {
      for (Family family : values()) {
        if (family.jsonName().equals(text)) {
          return family;
        }
      }

      return null;
    }
  }

  private static final int MAX_POISSON_TABLE = 1_000_000;

  /**
   * Normal and log-normal marginals take the copula's normal scores directly when their bounds cut
   * off at most this much probability: that share of rows keeps the exact marginal but loses its
   * dependence on the other columns.
   */
  static final double MAX_CUT_FOR_SCORES = 1e-4;

  private final Family family;
  private final double[] parameters;
  private final double lower;
  private final double upper;
  private final double lowerProbability;
  private final double upperProbability;
  private final double[] cumulative;

  /**
   * The normal scores at the bounds, and the probability beyond each, for {@link
   * #fromNormalScores}.
   */
  private final double lowScore;

  private final double highScore;
  private final double lowTail;
  private final double highTail;

  private ParametricMarginal(Family family, double[] parameters, double lower, double upper) {
    this.family = family;
    this.parameters = parameters;
    this.cumulative = discreteTable(family, parameters);
    this.lower = lower;
    this.upper = upper;
    this.lowerProbability = Double.isInfinite(lower) ? 0.0 : cdfBelow(lower);
    this.upperProbability = Double.isInfinite(upper) ? 1.0 : cdf(upper);
    this.lowTail = Normal.cdf(score(lower));
    this.highTail = Normal.cdf(-score(upper));
    // A bound with no representable probability beyond it is never crossed.
    this.lowScore = lowTail > 0 ? score(lower) : Double.NEGATIVE_INFINITY;
    this.highScore = highTail > 0 ? score(upper) : Double.POSITIVE_INFINITY;
  }

  /**
   * The standard normal score of {@code x} under a normal or log-normal family (-∞ for bounds it
   * never reaches).
   */
  private double score(double x) {
    switch (family) {
      case NORMAL:
        return (x - parameters[0]) / parameters[1];
      case LOG_NORMAL:
        return x <= 0 ? Double.NEGATIVE_INFINITY : (Math.log(x) - parameters[0]) / parameters[1];
      default:
        return Double.NaN;
    }
  }

  /**
   * Validates and builds; errors name {@code where} (the spec field path) and the offending
   * parameter.
   *
   * @param lower truncation bound, or -∞
   * @param upper truncation bound, or +∞
   */
  public static ParametricMarginal of(
      Family family, Map<String, Double> parameters, double lower, double upper, String where) {
    double[] values = new double[family.parameters.length];
    for (int i = 0; i < values.length; i++) {
      Double value = parameters.get(family.parameters[i]);
      if (value == null) {
        throw Errors.invalidPart(
            where + "." + family.parameters[i],
            family.parameters[i],
            "is missing; a %s distribution " + "needs %s",
            family.jsonName(),
            String.join(", ", family.parameters));
      }

      if (!Double.isFinite(value)) {
        throw Errors.invalidPart(
            where + "." + family.parameters[i],
            family.parameters[i],
            "must be a finite number, got %s",
            value);
      }

      values[i] = value;
    }

    for (String name : parameters.keySet()) {
      if (!Arrays.asList(family.parameters).contains(name)) {
        throw Errors.invalidPart(
            where + "." + name,
            name,
            "is not a parameter of %s; it takes %s",
            family.jsonName(),
            String.join(", ", family.parameters));
      }
    }

    switch (family) {
      case UNIFORM:
        require(
            values[0] < values[1],
            where + ".max",
            "must be > min (" + values[0] + "), got " + values[1]);
        break;
      case NORMAL:
        require(values[1] > 0, where + ".sd", "must be > 0, got " + values[1]);
        break;
      case LOG_NORMAL:
        require(values[1] > 0, where + ".sigma", "must be > 0, got " + values[1]);
        break;
      case EXPONENTIAL:
        require(values[0] > 0, where + ".rate", "must be > 0, got " + values[0]);
        break;
      case POISSON:
        require(
            values[0] > 0 && values[0] <= 100_000,
            where + ".mean",
            "must be > 0 and at most 100000, got " + values[0]);
        break;
      case ZIPF:
        require(
            values[0] >= 1 && values[0] <= 10_000_000 && values[0] == Math.rint(values[0]),
            where + ".n",
            "must be a whole number from 1 to 10000000, got " + values[0]);
        require(values[1] > 0, where + ".exponent", "must be > 0, got " + values[1]);
        break;
      default:
        break;
    }

    require(!(lower > upper), where, "min " + lower + " is above max " + upper);
    ParametricMarginal marginal = new ParametricMarginal(family, values, lower, upper);
    require(
        marginal.upperProbability - marginal.lowerProbability > 1e-12,
        where,
        "the bounds ["
            + lower
            + ", "
            + upper
            + "] leave no probability to this "
            + family.jsonName()
            + " distribution");
    return marginal;
  }

  private static void require(boolean condition, String where, String problem) {
    if (!condition) {
      throw Errors.invalidPart(where, null, "%s", problem);
    }
  }

  /** P(X <= x). */
  public double cdf(double x) {
    double[] p = parameters;
    switch (family) {
      case CONSTANT:
        return x >= p[0] ? 1 : 0;
      case UNIFORM:
        return Math.max(0, Math.min(1, (x - p[0]) / (p[1] - p[0])));
      case NORMAL:
        return Normal.cdf((x - p[0]) / p[1]);
      case LOG_NORMAL:
        return x <= 0 ? 0 : Normal.cdf((Math.log(x) - p[0]) / p[1]);
      case EXPONENTIAL:
        return x <= 0 ? 0 : -Math.expm1(-p[0] * x);
      default:
        // Poisson counts from 0, Zipf ranks from 1; cumulative[k] = P(X <= k + offset).
        int offset = family == Family.ZIPF ? 1 : 0;
        long k = (long) Math.floor(x) - offset;
        return k < 0 ? 0 : k >= cumulative.length ? 1 : cumulative[(int) k];
    }
  }

  /** P(X < x), which differs from the CDF only at the atoms of discrete and constant families. */
  private double cdfBelow(double x) {
    switch (family) {
      case CONSTANT:
        return x > parameters[0] ? 1 : 0;
      case POISSON:
      case ZIPF:
        return x == Math.floor(x) ? cdf(x - 1) : cdf(x);
      default:
        return cdf(x);
    }
  }

  @Override
  public double quantile(double u) {
    double p = lowerProbability + u * (upperProbability - lowerProbability);
    double value = untruncatedQuantile(Math.max(0, Math.min(1, p)));
    return Math.max(lower, Math.min(upper, value));
  }

  /**
   * The families drawn most often get a loop of their own, with the same arithmetic as {@link
   * #quantile}.
   */
  @Override
  public void quantiles(double[] p, double[] out, int n) {
    double from = lowerProbability;
    double width = upperProbability - lowerProbability;
    double a = parameters[0];
    double b = parameters.length > 1 ? parameters[1] : 0;
    switch (family) {
      case UNIFORM:
        for (int i = 0; i < n; i++) {
          double q = Math.max(0, Math.min(1, from + p[i] * width));
          out[i] = Math.max(lower, Math.min(upper, a + q * (b - a)));
        }

        break;
      case NORMAL:
        for (int i = 0; i < n; i++) {
          double q = Math.max(0, Math.min(1, from + p[i] * width));
          out[i] = Math.max(lower, Math.min(upper, a + b * Normal.quantile(q)));
        }

        break;
      case LOG_NORMAL:
        for (int i = 0; i < n; i++) {
          double q = Math.max(0, Math.min(1, from + p[i] * width));
          out[i] = Math.max(lower, Math.min(upper, Math.exp(a + b * Normal.quantile(q))));
        }

        break;
      default:
        for (int i = 0; i < n; i++) {
          out[i] = quantile(p[i]);
        }
    }
  }

  /** Normal and log-normal families whose bounds cut off at most {@link #MAX_CUT_FOR_SCORES}. */
  @Override
  public boolean takesNormalScores() {
    return (family == Family.NORMAL || family == Family.LOG_NORMAL)
        && lowTail + highTail <= MAX_CUT_FOR_SCORES;
  }

  /**
   * A score between the bounds' scores maps straight to {@code mean + sd * z} (or its exponential),
   * which is the truncated law on those rows. A score beyond a bound is turned into a uniform that
   * is independent of how far beyond it lies ({@code Φ(-z) / Φ(-high)} above, {@code Φ(z) / Φ(low)}
   * below) and inverted through the truncated quantile: the mixture of the two is exactly the
   * truncated law, and only those rare rows lose their dependence.
   */
  @Override
  public void fromNormalScores(double[] z, double[] out, int n) {
    if (!takesNormalScores()) {
      throw new UnsupportedOperationException(
          "a "
              + family.jsonName()
              + " marginal bounded to ["
              + lower
              + ", "
              + upper
              + "] takes uniforms, not normal scores");
    }

    double a = parameters[0];
    double b = parameters[1];
    boolean logNormal = family == Family.LOG_NORMAL;
    for (int i = 0; i < n; i++) {
      double score = z[i];
      if (score > highScore) {
        out[i] = quantile(Normal.cdf(-score) / highTail);
      } else if (score < lowScore) {
        out[i] = quantile(Normal.cdf(score) / lowTail);
      } else {
        double value = logNormal ? Math.exp(a + b * score) : a + b * score;
        out[i] = Math.max(lower, Math.min(upper, value));
      }
    }
  }

  private double untruncatedQuantile(double p) {
    double[] q = parameters;
    switch (family) {
      case CONSTANT:
        return q[0];
      case UNIFORM:
        return q[0] + p * (q[1] - q[0]);
      case NORMAL:
        return q[0] + q[1] * Normal.quantile(p);
      case LOG_NORMAL:
        return Math.exp(q[0] + q[1] * Normal.quantile(p));
      // 1 - 1e-17 rounds to 1.0, whose quantile is infinite; the largest double below 1 keeps max()
      // finite.
      case EXPONENTIAL:
        return -Math.log1p(-Math.min(p, Math.nextDown(1.0))) / q[0];
      default:
        int index = Arrays.binarySearch(cumulative, p);
        int k = index >= 0 ? index : -index - 1;
        return Math.min(k, cumulative.length - 1) + (family == Family.ZIPF ? 1 : 0);
    }
  }

  /**
   * Cumulative probabilities of a discrete family, far enough into the tail that the rest is below
   * 1e-15.
   */
  private static double[] discreteTable(Family family, double[] p) {
    if (family == Family.ZIPF) {
      int n = (int) p[0];
      double[] table = new double[n];
      double sum = 0;
      for (int k = 1; k <= n; k++) {
        sum += Math.pow(k, -p[1]);
        table[k - 1] = sum;
      }

      for (int k = 0; k < n; k++) {
        table[k] /= sum;
      }

      table[n - 1] = 1.0;
      return table;
    }

    if (family == Family.POISSON) {
      double mean = p[0];
      int size = (int) Math.min(MAX_POISSON_TABLE, Math.ceil(mean + 40 * Math.sqrt(mean) + 40));
      double[] table = new double[size];
      // Recurrence in log space from the mode keeps large means accurate.
      double logProbability = -mean;
      double sum = 0;
      double[] probabilities = new double[size];
      for (int k = 0; k < size; k++) {
        if (k > 0) {
          logProbability += Math.log(mean) - Math.log(k);
        }

        probabilities[k] = Math.exp(logProbability);
        sum += probabilities[k];
      }

      double running = 0;
      for (int k = 0; k < size; k++) {
        running += probabilities[k] / sum;
        table[k] = running;
      }

      table[size - 1] = 1.0;
      return table;
    }

    return new double[0];
  }

  /**
   * Finite even when the far tail overflows a double (a log-normal with a large sigma and no max).
   */
  @Override
  public double min() {
    return Math.max(-Double.MAX_VALUE, Math.max(lower, untruncatedQuantile(lowerProbability)));
  }

  @Override
  public double max() {
    return Math.min(Double.MAX_VALUE, Math.min(upper, untruncatedQuantile(upperProbability)));
  }

  public Family family() {
    return family;
  }

  /** Parameters in the order of {@link Family#parameters()}. */
  public double[] parameters() {
    return parameters.clone();
  }

  public double lower() {
    return lower;
  }

  public double upper() {
    return upper;
  }
}
