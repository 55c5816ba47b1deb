package io.synthlake.core.fit;

import io.synthlake.core.model.ColumnModel;
import io.synthlake.core.model.Derivation;
import io.synthlake.core.model.NumericColumn;
import io.synthlake.core.model.NumericFormat;
import io.synthlake.core.model.TableSet;
import io.synthlake.core.types.ColumnKind;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds columns that other columns compute, on the fit sample: exact linear relations with
 * coefficients ±1 and a constant ({@code total = repair + other}, {@code experience = age -
 * education - 6}) and near-exact log-linear ones with small rational exponents ({@code carat ≈
 * 0.0061 · x · y · z}), with at most {@link Derivation#MAX_INPUTS} inputs.
 *
 * <p>A relation is kept when it holds in {@link #HOLD_SHARE} of all rows and of the informative
 * rows (where a value differs from its column's most common one), over at least {@link
 * #MIN_INFORMATIVE_ROWS} informative rows, and when pairing each row's target with another row's
 * inputs matches in at most half the rows: so columns that are mostly zero, constant or merely
 * close to one another are not related by chance. A row whose inputs are all present holds when the
 * target is null (the residual carries the null) or within tolerance; a row with a null input holds
 * when the target is null too, as generation writes it.
 *
 * <p>Exact relations hold within half the coarsest rounding unit of their columns (0.5 for whole
 * numbers); log-linear ones within the smallest of 1%, 2%, 5% and 10% that 99% of rows meet, and
 * explain 99% of the target's log variance. Relations are taken exact first, then fewest inputs,
 * sums before differences; one whose inputs depend on its target (a cycle, or a rewriting of a
 * relation already kept) is skipped.
 */
final class DerivationFinder {
  static final double HOLD_SHARE = 0.99;
  static final int MIN_INFORMATIVE_ROWS = 20;
  private static final int SCREEN_ROWS = 128;
  private static final double SCREEN_MISS_SHARE = 0.1;
  private static final double CHANCE_SHARE = 0.5;
  private static final double[] TOLERANCES = {0.01, 0.02, 0.05, 0.10};
  private static final double[] EXPONENTS = {1, -1, 2, -2, 0.5, -0.5, 3, -3};
  private static final double EXPONENT_SLACK = 0.1;
  private static final double UNEXPLAINED_LOG_VARIANCE = 0.01;

  /** The most significant digits of a scale relation's coefficient (0.3048, 1.60934). */
  private static final int SCALE_DIGITS = 6;

  /** Above this many candidate columns, relations of three inputs are not searched (cost). */
  private static final int MAX_COLUMNS_FOR_THREE = 40;

  /** The relations found and what fitting their targets needs. */
  static final class Found {
    static final Found NONE = new Found(List.of(), Map.of(), Map.of());

    private final List<Derivation> derivations;
    private final Map<String, SampleColumn> residuals;
    private final Map<String, NumericFormat> formats;

    private Found(
        List<Derivation> derivations,
        Map<String, SampleColumn> residuals,
        Map<String, NumericFormat> formats) {
      this.derivations = List.copyOf(derivations);
      this.residuals = residuals;
      this.formats = formats;
    }

    /** In computing order. */
    List<Derivation> derivations() {
      return derivations;
    }

    /** The column the fit models in {@code column}'s copula slot: its residual if derived. */
    SampleColumn modelled(SampleColumn column) {
      return residuals.getOrDefault(column.name(), column);
    }

    ColumnKind modelledKind(SampleColumn column, ColumnKind kind) {
      return residuals.containsKey(column.name()) ? ColumnKind.CONTINUOUS : kind;
    }

    /**
     * A derived column as the model holds it: its own name, type, kind and format around its
     * residual's distributions.
     */
    ColumnModel restore(ColumnModel built, SampleColumn original, ColumnKind kind) {
      if (!residuals.containsKey(original.name())) {
        return built;
      }

      return NumericColumn.of(
          original.name(),
          original.type(),
          kind,
          formats.get(original.name()),
          ((NumericColumn) built).components());
    }
  }

  /** One column's values as the search reads them. */
  private static final class Values {
    final int index;
    final double[] x;
    final boolean[] nulls;
    final double unit;
    final double mode;
    final int[] nonMode;
    final boolean positive;
    final double[] logs;

    Values(int index, SampleColumn column) {
      this.index = index;
      int n = column.size();
      this.x = new double[n];
      this.nulls = new boolean[n];
      Map<Double, Integer> counts = new HashMap<>();
      boolean allPositive = true;
      for (int row = 0; row < n; row++) {
        nulls[row] = column.isNull(row);
        if (!nulls[row]) {
          x[row] = column.number(row);
          allPositive &= x[row] > 0;
          if (counts.size() < 10_000 || counts.containsKey(x[row])) {
            counts.merge(x[row], 1, Integer::sum);
          }
        }
      }

      this.mode =
          counts.entrySet().stream()
              .max(Map.Entry.comparingByValue())
              .map(Map.Entry::getKey)
              .orElse(0.0);
      int[] rows = new int[n];
      int count = 0;
      for (int row = 0; row < n; row++) {
        if (!nulls[row] && x[row] != mode) {
          rows[count++] = row;
        }
      }

      this.nonMode = Arrays.copyOf(rows, count);
      this.positive = allPositive && count > 0;
      this.unit = unit(column, x, nulls);
      this.logs = positive ? new double[n] : null;
      if (positive) {
        for (int row = 0; row < n; row++) {
          logs[row] = nulls[row] ? 0 : Math.log(x[row]);
        }
      }
    }
  }

  private record Candidate(
      Values target, Values[] inputs, Derivation derivation, double holdShare, int negatives) {}

  private DerivationFinder() {}

  /**
   * The relations among {@code columns} (continuous and integer ones, not hidden) and the residual
   * column of each target; only exact ones when {@code exactOnly}.
   */
  static Found find(
      List<SampleColumn> columns, List<ColumnKind> kinds, FitSettings settings, boolean exactOnly) {
    List<Values> candidates = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      SampleColumn column = columns.get(i);
      ColumnKind kind = kinds.get(i);
      if ((kind == ColumnKind.CONTINUOUS || kind == ColumnKind.INTEGER)
          && !column.isString()
          && !TableSet.isHidden(column.name())) {
        Values values = new Values(i, column);
        if (values.nonMode.length >= MIN_INFORMATIVE_ROWS) {
          candidates.add(values);
        }
      }
    }

    if (candidates.size() < 2) {
      return Found.NONE;
    }

    int maxInputs = candidates.size() > MAX_COLUMNS_FOR_THREE ? 2 : Derivation.MAX_INPUTS;
    List<Candidate> exact = new ArrayList<>();
    List<Candidate> logLinear = new ArrayList<>();
    for (Values target : candidates) {
      List<Values> others = new ArrayList<>(candidates);
      others.remove(target);
      for (int size = 1; size <= maxInputs; size++) {
        for (Values[] inputs : subsets(others, size)) {
          Candidate linear = linear(target, inputs, columns);
          if (linear == null && size == 1) {
            linear = scaled(target, inputs[0], columns);
          }

          if (linear != null) {
            exact.add(linear);
          }

          Candidate product = exactOnly ? null : logLinear(target, inputs, columns);
          if (product != null) {
            logLinear.add(product);
          }
        }
      }
    }

    exact.sort(
        Comparator.<Candidate>comparingInt(c -> c.inputs.length)
            .thenComparing(c -> isScale(c.derivation))
            .thenComparingInt(Candidate::negatives)
            .thenComparingInt(c -> -c.target.index));
    logLinear.sort(
        Comparator.<Candidate>comparingDouble(c -> c.derivation.tolerance())
            .thenComparingInt(c -> c.inputs.length)
            .thenComparingDouble(c -> -c.holdShare));
    Map<String, Derivation> accepted = new LinkedHashMap<>();
    List<Candidate> accept = new ArrayList<>(exact);
    accept.addAll(logLinear);
    for (Candidate candidate : accept) {
      Derivation derivation = candidate.derivation;
      if (!accepted.containsKey(derivation.target())
          && !dependsOn(derivation.inputs(), derivation.target(), accepted)) {
        accepted.put(derivation.target(), derivation);
      }
    }

    if (accepted.isEmpty()) {
      return Found.NONE;
    }

    Map<String, SampleColumn> residuals = new HashMap<>();
    Map<String, NumericFormat> formats = new HashMap<>();
    for (Derivation derivation : accepted.values()) {
      int t = indexOf(columns, derivation.target());
      residuals.put(derivation.target(), residual(derivation, columns));
      formats.put(
          derivation.target(), new NumericPlan(columns.get(t), kinds.get(t), settings).format());
    }

    return new Found(computingOrder(accepted), residuals, formats);
  }

  /** Whether any of {@code inputs} is {@code target} or computed from it, through the relations. */
  private static boolean dependsOn(
      List<String> inputs, String target, Map<String, Derivation> accepted) {
    for (String input : inputs) {
      if (input.equals(target)) {
        return true;
      }

      Derivation through = accepted.get(input);
      if (through != null && dependsOn(through.inputs(), target, accepted)) {
        return true;
      }
    }

    return false;
  }

  /** The relations ordered so that a derived input is computed before the columns that read it. */
  private static List<Derivation> computingOrder(Map<String, Derivation> accepted) {
    List<Derivation> order = new ArrayList<>();
    Set<String> done = new HashSet<>();
    while (order.size() < accepted.size()) {
      for (Derivation derivation : accepted.values()) {
        if (!done.contains(derivation.target())
            && derivation.inputs().stream()
                .allMatch(input -> !accepted.containsKey(input) || done.contains(input))) {
          order.add(derivation);
          done.add(derivation.target());
        }
      }
    }

    return order;
  }

  /**
   * An exact relation {@code target = constant + Σ ±input}: each sign pattern is screened on the
   * target's informative rows (most end at the first few rows), then checked on every row.
   */
  private static Candidate linear(Values target, Values[] inputs, List<SampleColumn> columns) {
    double unit = target.unit;
    for (Values input : inputs) {
      unit = Math.max(unit, input.unit);
    }

    double tolerance = unit > 0 ? unit / 2 : 0;
    int[] screen = screenRows(target.nonMode);
    Candidate best = null;
    for (int signs = 0; signs < 1 << inputs.length; signs++) {
      double[] coefficients = new double[inputs.length];
      int negatives = 0;
      for (int i = 0; i < inputs.length; i++) {
        coefficients[i] = (signs >> i & 1) == 1 ? -1 : 1;
        negatives += (signs >> i & 1);
      }

      if (negatives == inputs.length && inputs.length > 1) {
        continue; // target = c - a - b is rare and would mostly find rewritings of a sum
      }

      Double constant = screenConstant(target, inputs, coefficients, screen, tolerance);
      if (constant == null) {
        continue;
      }

      double c = unit > 0 ? Math.rint(constant / unit) * unit : constant;
      double[] residuals = new double[target.x.length];
      double share = holdShare(target, inputs, coefficients, c, tolerance, residuals, false);
      if (share >= HOLD_SHARE && best == null) {
        best =
            new Candidate(
                target,
                inputs,
                Derivation.of(
                    name(columns, target),
                    Derivation.Form.LINEAR,
                    names(columns, inputs),
                    coefficients,
                    c,
                    0),
                share,
                negatives);
      }
    }

    return best;
  }

  private static boolean isScale(Derivation derivation) {
    return Math.abs(derivation.coefficient(0)) != 1;
  }

  /**
   * An exact relation {@code target = constant + scale · input} with a scale other than ±1 ({@code
   * F = 1.8 · C + 32}, {@code cents = 100 · dollars}): the scale from a least-squares line through
   * the screened rows, taken at the fewest significant digits (1 to {@value #SCALE_DIGITS}) at
   * which the relation holds within the columns' rounding, the constant the median difference
   * rounded to the target's unit.
   */
  private static Candidate scaled(Values target, Values input, List<SampleColumn> columns) {
    int[] screen = screenRows(target.nonMode);
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    int used = 0;
    for (int row : screen) {
      if (!input.nulls[row]) {
        sx += input.x[row];
        sy += target.x[row];
        sxx += input.x[row] * input.x[row];
        sxy += input.x[row] * target.x[row];
        used++;
      }
    }

    double slope = (used * sxy - sx * sy) / (used * sxx - sx * sx);
    if (used < Math.min(MIN_INFORMATIVE_ROWS, screen.length) || !Double.isFinite(slope)) {
      return null;
    }

    Values[] inputs = {input};
    double previous = Double.NaN;
    for (int digits = 1; digits <= SCALE_DIGITS; digits++) {
      double scale = new BigDecimal(slope).round(new MathContext(digits)).doubleValue();
      if (scale == previous || scale == 0 || Math.abs(scale) == 1 || !Double.isFinite(scale)) {
        continue;
      }

      previous = scale;
      double[] coefficients = {scale};
      double tolerance =
          Derivation.roundingTolerance(target.unit, coefficients, new double[] {input.unit});
      double[] differences = new double[used];
      int count = 0;
      for (int row : screen) {
        if (!input.nulls[row]) {
          differences[count++] = difference(target, inputs, coefficients, row);
        }
      }

      Arrays.sort(differences);
      double median = differences[count / 2];
      double constant = target.unit > 0 ? Math.rint(median / target.unit) * target.unit : median;
      int misses = 0;
      for (int row : screen) {
        if (!input.nulls[row]) {
          double d = difference(target, inputs, coefficients, row);
          misses += within(d, constant, tolerance, target, inputs, row) ? 0 : 1;
        }
      }

      if (misses > SCREEN_MISS_SHARE * count + 1) {
        continue;
      }

      double[] residuals = new double[target.x.length];
      double share = holdShare(target, inputs, coefficients, constant, tolerance, residuals, false);
      if (share >= HOLD_SHARE) {
        return new Candidate(
            target,
            inputs,
            Derivation.of(
                name(columns, target),
                Derivation.Form.LINEAR,
                names(columns, inputs),
                coefficients,
                constant,
                0),
            share,
            scale < 0 ? 1 : 0);
      }
    }

    return null;
  }

  /** The constant of the relation if it holds on 90% of the screened rows, else null. */
  private static Double screenConstant(
      Values target, Values[] inputs, double[] coefficients, int[] screen, double tolerance) {
    double first = Double.NaN;
    double second = Double.NaN;
    int seen = 0;
    for (int row : screen) {
      if (present(inputs, row)) {
        double d = difference(target, inputs, coefficients, row);
        if (seen == 0) {
          first = d;
        } else if (seen == 1) {
          second = d;
        }

        seen++;
        if (seen == 2) {
          break;
        }
      }
    }

    if (seen < 2) {
      return null;
    }

    for (double constant : new double[] {first, second}) {
      int misses = 0;
      int checked = 0;
      int allowed = (int) (SCREEN_MISS_SHARE * screen.length) + 1;
      for (int row : screen) {
        if (present(inputs, row)) {
          checked++;
          double d = difference(target, inputs, coefficients, row);
          if (!within(d, constant, tolerance, target, inputs, row) && ++misses > allowed) {
            break;
          }
        }
      }

      if (misses <= allowed && checked >= Math.min(MIN_INFORMATIVE_ROWS, screen.length)) {
        return constant;
      }

      if (first == second) {
        break;
      }
    }

    return null;
  }

  private static double difference(Values target, Values[] inputs, double[] coefficients, int row) {
    double d = target.x[row];
    for (int i = 0; i < inputs.length; i++) {
      d -= coefficients[i] * inputs[i].x[row];
    }

    return d;
  }

  /** Within half a rounding unit, or within floating-point error for columns of unrounded reals. */
  private static boolean within(
      double d, double constant, double tolerance, Values target, Values[] inputs, int row) {
    if (tolerance > 0) {
      return Math.abs(d - constant) <= tolerance * (1 + 1e-9);
    }

    double scale = Math.abs(target.x[row]);
    for (Values input : inputs) {
      scale += Math.abs(input.x[row]);
    }

    return Math.abs(d - constant) <= 1e-9 * Math.max(1, scale);
  }

  /**
   * The share of all rows the relation holds in, or 0 when it fails the informative rows or the
   * chance test; fills each row's residual (the target less the formula, less the constant).
   */
  private static double holdShare(
      Values target,
      Values[] inputs,
      double[] coefficients,
      double constant,
      double tolerance,
      double[] residuals,
      boolean logs) {
    int n = target.x.length;
    int holds = 0;
    int informative = 0;
    int informativeHolds = 0;
    int[] informativeRows = new int[n];
    for (int row = 0; row < n; row++) {
      boolean inputsPresent = present(inputs, row);
      if (target.nulls[row]) {
        holds++;
        continue;
      }

      if (!inputsPresent) {
        continue;
      }

      double d =
          logs
              ? logDifference(target, inputs, coefficients, row)
              : difference(target, inputs, coefficients, row);
      residuals[row] = d - constant;
      boolean ok =
          logs
              ? Math.abs(d - constant) <= tolerance
              : within(d, constant, tolerance, target, inputs, row);
      if (ok) {
        holds++;
      }

      if (isInformative(target, inputs, row)) {
        informativeRows[informative++] = row;
        if (ok) {
          informativeHolds++;
        }
      }
    }

    if (informative < MIN_INFORMATIVE_ROWS
        || informativeHolds < HOLD_SHARE * informative
        || chanceShare(
                target,
                inputs,
                coefficients,
                constant,
                tolerance,
                informativeRows,
                informative,
                logs)
            > CHANCE_SHARE) {
      return 0;
    }

    return (double) holds / n;
  }

  private static boolean isInformative(Values target, Values[] inputs, int row) {
    if (target.x[row] != target.mode) {
      return true;
    }

    for (Values input : inputs) {
      if (input.x[row] != input.mode) {
        return true;
      }
    }

    return false;
  }

  /**
   * How often the relation holds between one informative row's target and the inputs of the row
   * half the informative rows further on: near 0 for a real relation, high when the columns are
   * concentrated enough to match by chance.
   */
  private static double chanceShare(
      Values target,
      Values[] inputs,
      double[] coefficients,
      double constant,
      double tolerance,
      int[] rows,
      int count,
      boolean logs) {
    int matches = 0;
    for (int i = 0; i < count; i++) {
      int row = rows[i];
      int other = rows[(i + count / 2) % count];
      double formula = 0;
      for (int j = 0; j < inputs.length; j++) {
        formula += coefficients[j] * (logs ? inputs[j].logs[other] : inputs[j].x[other]);
      }

      double d = (logs ? target.logs[row] : target.x[row]) - formula;
      if (logs
          ? Math.abs(d - constant) <= tolerance
          : Math.abs(d - constant)
              <= Math.max(tolerance, 1e-9 * Math.max(1, Math.abs(target.x[row])))) {
        matches++;
      }
    }

    return (double) matches / count;
  }

  /**
   * A near-exact relation {@code log target = constant + Σ exponent·log input}: exponents from a
   * least-squares fit on screened rows, rounded to small rationals, then checked on every row.
   */
  private static Candidate logLinear(Values target, Values[] inputs, List<SampleColumn> columns) {
    if (!target.positive) {
      return null;
    }

    for (Values input : inputs) {
      if (!input.positive) {
        return null;
      }
    }

    int[] screen = screenRows(target.nonMode);
    int k = inputs.length + 1;
    double[][] normal = new double[k][k + 1];
    int used = 0;
    double[] design = new double[k];
    for (int row : screen) {
      if (!present(inputs, row)) {
        continue;
      }

      design[0] = 1;
      for (int i = 0; i < inputs.length; i++) {
        design[i + 1] = inputs[i].logs[row];
      }

      for (int a = 0; a < k; a++) {
        for (int b = 0; b < k; b++) {
          normal[a][b] += design[a] * design[b];
        }

        normal[a][k] += design[a] * target.logs[row];
      }

      used++;
    }

    if (used < MIN_INFORMATIVE_ROWS) {
      return null;
    }

    double[] solution = solve(normal);
    if (solution == null) {
      return null;
    }

    double[] exponents = new double[inputs.length];
    for (int i = 0; i < inputs.length; i++) {
      exponents[i] = nearestExponent(solution[i + 1]);
      if (Double.isNaN(exponents[i])) {
        return null;
      }
    }

    int n = target.x.length;
    double[] differences = new double[n];
    int count = 0;
    double mean = 0;
    double squares = 0;
    int targetCount = 0;
    for (int row = 0; row < n; row++) {
      if (!target.nulls[row]) {
        mean += target.logs[row];
        squares += target.logs[row] * target.logs[row];
        targetCount++;
        if (present(inputs, row)) {
          differences[count++] = logDifference(target, inputs, exponents, row);
        }
      }
    }

    if (count < MIN_INFORMATIVE_ROWS) {
      return null;
    }

    double[] sorted = Arrays.copyOf(differences, count);
    Arrays.sort(sorted);
    double constant = sorted[count / 2];
    double unexplained = 0;
    for (int i = 0; i < count; i++) {
      unexplained += (sorted[i] - constant) * (sorted[i] - constant);
    }

    mean /= targetCount;
    double variance = squares / targetCount - mean * mean;
    if (!(unexplained / count <= UNEXPLAINED_LOG_VARIANCE * variance)) {
      return null;
    }

    for (double tolerance : TOLERANCES) {
      double[] residuals = new double[n];
      double logTolerance = Math.log1p(tolerance);
      double share = holdShare(target, inputs, exponents, constant, logTolerance, residuals, true);
      if (share >= HOLD_SHARE) {
        return new Candidate(
            target,
            inputs,
            Derivation.of(
                name(columns, target),
                Derivation.Form.LOG_LINEAR,
                names(columns, inputs),
                exponents,
                constant,
                tolerance),
            share,
            0);
      }
    }

    return null;
  }

  private static double logDifference(Values target, Values[] inputs, double[] exponents, int row) {
    double d = target.logs[row];
    for (int i = 0; i < inputs.length; i++) {
      d -= exponents[i] * inputs[i].logs[row];
    }

    return d;
  }

  private static double nearestExponent(double estimate) {
    for (double exponent : EXPONENTS) {
      if (Math.abs(estimate - exponent) <= EXPONENT_SLACK) {
        return exponent;
      }
    }

    return Double.NaN;
  }

  /** Solves the augmented system by Gaussian elimination with pivoting; null if singular. */
  private static double[] solve(double[][] augmented) {
    int k = augmented.length;
    for (int col = 0; col < k; col++) {
      int pivot = col;
      for (int row = col + 1; row < k; row++) {
        if (Math.abs(augmented[row][col]) > Math.abs(augmented[pivot][col])) {
          pivot = row;
        }
      }

      if (Math.abs(augmented[pivot][col]) < 1e-12) {
        return null;
      }

      double[] swap = augmented[col];
      augmented[col] = augmented[pivot];
      augmented[pivot] = swap;
      for (int row = 0; row < k; row++) {
        if (row != col) {
          double factor = augmented[row][col] / augmented[col][col];
          for (int c = col; c <= k; c++) {
            augmented[row][c] -= factor * augmented[col][c];
          }
        }
      }
    }

    double[] solution = new double[k];
    for (int i = 0; i < k; i++) {
      solution[i] = augmented[i][k] / augmented[i][i];
    }

    return solution;
  }

  /**
   * The residual column the target's copula slot models: the target less the formula (on the log
   * scale for log-linear relations), 0 for an exact relation, null where the target is null, and 0
   * (the relation's centre) on the rare rows it does not hold because an input is null.
   */
  private static SampleColumn residual(Derivation derivation, List<SampleColumn> columns) {
    SampleColumn target = columns.get(indexOf(columns, derivation.target()));
    int n = target.size();
    double[] values = new double[n];
    boolean[] nulls = new boolean[n];
    boolean logs = derivation.form() == Derivation.Form.LOG_LINEAR;
    for (int row = 0; row < n; row++) {
      nulls[row] = target.isNull(row);
      if (nulls[row] || derivation.exact()) {
        continue;
      }

      double d = logs ? Math.log(target.number(row)) : target.number(row);
      boolean present = true;
      for (int i = 0; i < derivation.inputs().size() && present; i++) {
        SampleColumn input = columns.get(indexOf(columns, derivation.inputs().get(i)));
        present = !input.isNull(row);
        if (present) {
          d -= derivation.coefficient(i) * (logs ? Math.log(input.number(row)) : input.number(row));
        }
      }

      values[row] = present ? d - derivation.constant() : 0;
    }

    return SampleColumn.numbers(
        derivation.target(), DataType.of(LogicalType.DOUBLE), values, nulls);
  }

  /** The rounding unit of a column: 10^-d for the fewest decimals d that hold every value. */
  private static double unit(SampleColumn column, double[] x, boolean[] nulls) {
    double tolerance = column.type().logicalType() == LogicalType.FLOAT ? 1e-6 : 1e-9;
    for (int places = 0; places <= 10; places++) {
      double scale = Math.pow(10, places);
      boolean fits = true;
      for (int row = 0; row < x.length && fits; row++) {
        if (!nulls[row]) {
          double scaled = x[row] * scale;
          fits = Math.abs(scaled - Math.rint(scaled)) <= tolerance * Math.max(1, Math.abs(scaled));
        }
      }

      if (fits) {
        return 1 / scale;
      }
    }

    return 0;
  }

  private static int[] screenRows(int[] nonMode) {
    if (nonMode.length <= SCREEN_ROWS) {
      return nonMode;
    }

    int[] rows = new int[SCREEN_ROWS];
    for (int i = 0; i < SCREEN_ROWS; i++) {
      rows[i] = nonMode[(int) ((long) i * nonMode.length / SCREEN_ROWS)];
    }

    return rows;
  }

  private static boolean present(Values[] inputs, int row) {
    for (Values input : inputs) {
      if (input.nulls[row]) {
        return false;
      }
    }

    return true;
  }

  private static List<Values[]> subsets(List<Values> others, int size) {
    List<Values[]> result = new ArrayList<>();
    int m = others.size();
    if (size == 1) {
      for (int a = 0; a < m; a++) {
        result.add(new Values[] {others.get(a)});
      }
    } else if (size == 2) {
      for (int a = 0; a < m; a++) {
        for (int b = a + 1; b < m; b++) {
          result.add(new Values[] {others.get(a), others.get(b)});
        }
      }
    } else {
      for (int a = 0; a < m; a++) {
        for (int b = a + 1; b < m; b++) {
          for (int c = b + 1; c < m; c++) {
            result.add(new Values[] {others.get(a), others.get(b), others.get(c)});
          }
        }
      }
    }

    return result;
  }

  private static String name(List<SampleColumn> columns, Values values) {
    return columns.get(values.index).name();
  }

  private static List<String> names(List<SampleColumn> columns, Values[] values) {
    List<String> names = new ArrayList<>();
    for (Values value : values) {
      names.add(name(columns, value));
    }

    return names;
  }

  private static int indexOf(List<SampleColumn> columns, String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }

    throw new IllegalArgumentException("no column " + name);
  }
}
