package io.synthlake.spark.internal.evaluate;

import io.synthlake.core.evaluate.ColumnBinning;
import io.synthlake.core.evaluate.DependencyFinder;
import io.synthlake.core.evaluate.EvaluationSettings;
import io.synthlake.core.evaluate.FunctionalDependency;
import io.synthlake.core.evaluate.NumericRelation;
import io.synthlake.core.evaluate.ProfilePlan;
import io.synthlake.core.evaluate.RecordDistance;
import io.synthlake.core.evaluate.ValidCombinations;
import io.synthlake.core.evaluate.WallClock;
import io.synthlake.core.types.LogicalType;
import io.synthlake.spark.internal.SparkTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Fits the evaluation plan on the (projected) training table: equal-frequency bin edges from
 * approximate quantiles (one pass for every numeric column), the most frequent and the rare values
 * of each categorical column, and the functional dependencies of a training sample.
 */
final class PlanFitter {
  /** Rank error of the approximate quantiles: 0.1% of the rows, well inside one fine (1%) bin. */
  static final double QUANTILE_ERROR = 0.001;

  /**
   * Rare values checked per column (the first in sort order); the figure states how many were
   * checked.
   */
  static final int MAX_RARE_VALUES = 10_000;

  /**
   * The fitted plan, the row distance for the closest-record search, and each rare value's training
   * count.
   */
  record Fitted(ProfilePlan plan, RecordDistance distance, List<Map<String, Long>> rareCounts) {}

  private PlanFitter() {}

  /**
   * @param roles the compared columns (keys already set aside), in the order of {@code projected}'s
   *     columns
   */
  static Fitted fit(
      Dataset<Row> projected, List<ColumnRole> roles, long trainRows, EvaluationSettings settings) {
    return fit(projected, null, roles, trainRows, settings);
  }

  /**
   * @param local every projected training row, collected, when the table is small (else null): the
   *     categories are then counted on the driver rather than by two Spark jobs per column, to the
   *     same values and order
   */
  static Fitted fit(
      Dataset<Row> projected,
      List<Object[]> local,
      List<ColumnRole> roles,
      long trainRows,
      EvaluationSettings settings) {
    int n = roles.size();
    double[] probabilities = new double[EvaluationSettings.FINE_BINS - 1];
    for (int i = 0; i < probabilities.length; i++) {
      probabilities[i] = (i + 1.0) / EvaluationSettings.FINE_BINS;
    }

    List<String> numericNames = new ArrayList<>();
    roles.stream().filter(ColumnRole::numeric).forEach(role -> numericNames.add(role.name()));
    double[][] quantiles =
        numericNames.isEmpty()
            ? new double[0][]
            : projected
                .stat()
                .approxQuantile(
                    numericNames.stream().map(SparkTypes::quote).toArray(String[]::new),
                    probabilities,
                    QUANTILE_ERROR);

    List<ColumnBinning> binnings = new ArrayList<>();
    double[] centre = new double[n];
    double[] spread = new double[n];
    double[] range = new double[n];
    List<Set<String>> rareValues = new ArrayList<>();
    List<Map<String, Long>> rareCounts = new ArrayList<>();
    int numericIndex = 0;
    for (int c = 0; c < n; c++) {
      ColumnRole role = roles.get(c);
      if (role.numeric()) {
        double[] fine = quantiles[numericIndex++];
        binnings.add(numeric(role, fine));
        boolean empty = fine.length == 0;
        centre[c] = empty ? 0 : fine[49];
        spread[c] = empty ? 1 : positive(fine[74] - fine[24], fine[98] - fine[0]);
        range[c] = empty ? 1 : positive(fine[98] - fine[0], fine[74] - fine[24]);
        rareValues.add(Set.of());
        rareCounts.add(Map.of());
      } else {
        LocalCategories counted = local == null ? null : LocalCategories.of(local, c);
        binnings.add(
            ColumnBinning.categorical(
                role.name(),
                counted != null
                    ? counted.top(EvaluationSettings.FINE_CATEGORIES)
                    : topValues(projected, role.name())));
        spread[c] = 1;
        range[c] = 1;
        Map<String, Long> rare =
            counted != null
                ? counted.rare(settings.rareThreshold(), MAX_RARE_VALUES)
                : rareValues(projected, role.name(), settings.rareThreshold());
        rareValues.add(Set.copyOf(rare.keySet()));
        rareCounts.add(rare);
      }
    }

    // A table no larger than the sample is its own sample, in the order it is read.
    List<Object[]> sample =
        local != null && trainRows <= settings.dependencySampleRows()
            ? local
            : sample(projected, roles, trainRows, settings);
    boolean[] eligible = new boolean[n];
    Arrays.fill(eligible, true);
    List<FunctionalDependency> dependencies = DependencyFinder.find(sample, eligible);
    boolean[] categorical = new boolean[n];
    for (int c = 0; c < n; c++) {
      categorical[c] = !roles.get(c).numeric();
    }

    ProfilePlan plan =
        ProfilePlan.of(
                binnings,
                centre,
                spread,
                dependencies,
                rareValues,
                settings.maxTriples(),
                settings.seed())
            .withCombinations(ValidCombinations.find(sample, categorical, dependencies))
            .withClocks(
                clocks(roles, projected.sparkSession().conf().get("spark.sql.session.timeZone")))
            .withRelations(NumericRelation.find(sample, names(roles), numbers(roles)));
    return new Fitted(plan, distance(roles, range), rareCounts);
  }

  /**
   * Coarse edges are the training deciles. When a point mass makes deciles coincide (a column that
   * is 0 in 97% of rows), 9 edges spread evenly over the distinct percentiles are used instead, so
   * that the rest of the column still gets bins of its own rather than one bin "≥ 0".
   */
  private static ColumnBinning numeric(ColumnRole role, double[] fine) {
    if (fine.length == 0) {
      return ColumnBinning.numeric(role.name(), role.scale(), new double[0], fine);
    }

    int edges = EvaluationSettings.COARSE_BINS - 1;
    int step = EvaluationSettings.FINE_BINS / EvaluationSettings.COARSE_BINS;
    double[] deciles = new double[edges];
    for (int i = 0; i < edges; i++) {
      deciles[i] = fine[(i + 1) * step - 1];
    }

    double[] distinct = Arrays.stream(fine).distinct().sorted().toArray();
    double[] coarse = deciles;
    if (Arrays.stream(deciles).distinct().count() < edges) {
      coarse = distinct.length <= edges ? distinct : new double[edges];
      for (int i = 0; distinct.length > edges && i < edges; i++) {
        coarse[i] = distinct[(int) Math.round((i + 1.0) * (distinct.length - 1) / edges)];
      }
    }

    return ColumnBinning.numeric(role.name(), role.scale(), coarse, fine);
  }

  /** The first positive of the two, else 1: a constant column still gets a usable scale. */
  private static double positive(double preferred, double fallback) {
    return preferred > 0 ? preferred : fallback > 0 ? fallback : 1;
  }

  private static List<String> topValues(Dataset<Row> projected, String name) {
    Column column = functions.col(SparkTypes.quote(name));
    List<String> values = new ArrayList<>();
    for (Row row :
        projected
            .where(column.isNotNull())
            .groupBy(column)
            .count()
            .orderBy(functions.col("count").desc(), column.asc())
            .limit(EvaluationSettings.FINE_CATEGORIES)
            .collectAsList()) {
      values.add(row.getString(0));
    }

    return values;
  }

  private static Map<String, Long> rareValues(Dataset<Row> projected, String name, int threshold) {
    Column column = functions.col(SparkTypes.quote(name));
    Map<String, Long> rare = new LinkedHashMap<>();
    for (Row row :
        projected
            .where(column.isNotNull())
            .groupBy(column)
            .count()
            .where(functions.col("count").lt(threshold))
            .orderBy(column)
            .limit(MAX_RARE_VALUES)
            .collectAsList()) {
      rare.put(row.getString(0), row.getLong(1));
    }

    return rare;
  }

  /** The training sample that dependencies, combinations and relations are found on. */
  private static List<Object[]> sample(
      Dataset<Row> projected, List<ColumnRole> roles, long trainRows, EvaluationSettings settings) {
    List<Object[]> rows = new ArrayList<>();
    for (Row row :
        Samples.atMost(projected, trainRows, settings.dependencySampleRows(), settings.seed())
            .collectAsList()) {
      rows.add(Profiler.values(row, roles.size()));
    }

    return rows;
  }

  /**
   * The wall clocks of the numeric date and timestamp columns: a timestamp read in the session time
   * zone, as the user sees it; one without time zone in UTC, where its microseconds already count
   * wall-clock time.
   */
  private static List<WallClock> clocks(List<ColumnRole> roles, String sessionZone) {
    List<WallClock> clocks = new ArrayList<>();
    for (int c = 0; c < roles.size(); c++) {
      ColumnRole role = roles.get(c);
      LogicalType type = role.type().logicalType();
      if (role.numeric() && type == LogicalType.TIMESTAMP) {
        clocks.add(new WallClock(c, sessionZone, true));
      } else if (role.numeric() && type == LogicalType.TIMESTAMP_NTZ) {
        clocks.add(new WallClock(c, "UTC", true));
      } else if (role.numeric() && type == LogicalType.DATE) {
        clocks.add(new WallClock(c, "UTC", false));
      }
    }

    return clocks;
  }

  private static List<String> names(List<ColumnRole> roles) {
    return roles.stream().map(ColumnRole::name).toList();
  }

  /** The numeric columns that hold numbers (not dates or timestamps): relations are among them. */
  private static List<Integer> numbers(List<ColumnRole> roles) {
    return IntStream.range(0, roles.size())
        .filter(c -> roles.get(c).numeric() && !roles.get(c).type().logicalType().isTemporal())
        .boxed()
        .toList();
  }

  private static RecordDistance distance(List<ColumnRole> roles, double[] range) {
    int[] columns = IntStream.range(0, roles.size()).toArray();
    boolean[] numeric = new boolean[columns.length];
    for (int c = 0; c < columns.length; c++) {
      numeric[c] = roles.get(c).numeric();
    }

    return RecordDistance.of(columns, numeric, range);
  }
}
