package io.synthlake.core.evaluate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds plans and profiles from in-memory rows, the way the Spark evaluator does from tables. */
final class Profiles {
  private Profiles() {}

  /**
   * A plan fitted on {@code train}: exact quantiles for numeric columns, categories by frequency.
   */
  static ProfilePlan plan(
      List<String> names,
      boolean[] numeric,
      List<Object[]> train,
      List<FunctionalDependency> dependencies,
      List<Set<String>> rare) {
    List<ColumnBinning> columns = new ArrayList<>();
    double[] centre = new double[names.size()];
    double[] spread = new double[names.size()];
    for (int c = 0; c < names.size(); c++) {
      int column = c;
      if (numeric[c]) {
        double[] sorted =
            train.stream()
                .map(row -> row[column])
                .filter(v -> v != null)
                .mapToDouble(v -> ((Number) v).doubleValue())
                .sorted()
                .toArray();
        columns.add(
            ColumnBinning.numeric(
                names.get(c),
                ColumnBinning.Scale.NUMBER,
                quantiles(sorted, 10),
                quantiles(sorted, 100)));
        centre[c] = sorted[sorted.length / 2];
        spread[c] = Math.max(1e-9, sorted[sorted.length * 3 / 4] - sorted[sorted.length / 4]);
      } else {
        Map<String, Long> counts =
            train.stream()
                .map(row -> (String) row[column])
                .filter(v -> v != null)
                .collect(
                    Collectors.groupingBy(
                        Function.identity(), HashMap::new, Collectors.counting()));
        List<String> byFrequency =
            counts.entrySet().stream()
                .sorted(
                    Map.Entry.<String, Long>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .limit(100)
                .toList();
        columns.add(ColumnBinning.categorical(names.get(c), byFrequency));
        spread[c] = 1;
      }
    }

    return ProfilePlan.of(columns, centre, spread, dependencies, rare, 100, 7);
  }

  static ProfilePlan plan(List<String> names, boolean[] numeric, List<Object[]> train) {
    List<Set<String>> rare = new ArrayList<>();
    names.forEach(name -> rare.add(Set.of()));
    return plan(names, numeric, train, List.of(), rare);
  }

  static double[] quantiles(double[] sorted, int bins) {
    double[] edges = new double[bins - 1];
    for (int i = 1; i < bins; i++) {
      edges[i - 1] =
          sorted[(int) Math.min(sorted.length - 1, Math.floor((double) i * sorted.length / bins))];
    }

    return edges;
  }

  static TableProfile profile(ProfilePlan plan, List<Object[]> rows) {
    TableProfile profile = plan.newProfile();
    rows.forEach(profile::add);
    return profile;
  }
}
