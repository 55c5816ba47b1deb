package io.synthlake.core.evaluate;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The value combinations of two high-cardinality categorical columns that the training sample
 * holds, when it holds few of those possible (an airport and an airline: most airlines never fly
 * from most airports). A row keeps them when its combination is one the training data has. Binned
 * accuracy cannot see this: its bins keep a column's 10 most frequent values and pool the rest.
 *
 * @param combinations the pairs of values seen, each as {@link #key}
 */
public record ValidCombinations(int first, int second, Set<String> combinations)
    implements Serializable {
  /** More distinct values than the accuracy bins name. */
  public static final int MIN_VALUES = EvaluationSettings.COARSE_CATEGORIES + 1;

  /** Sparse: the sample holds at most this share of the combinations possible. */
  public static final double MAX_SUPPORT = 0.5;

  /** Pairs checked, the sparsest first, and combinations held per pair. */
  public static final int MAX_PAIRS = 20;

  public static final int MAX_COMBINATIONS = 50_000;

  public ValidCombinations {
    combinations = Set.copyOf(combinations);
  }

  /**
   * @param rows sample rows as the profile sees them
   * @param categorical which columns may take part: compared as categories and not keys
   * @param dependencies the sample's dependencies; a pair one of them links is left to it
   */
  public static List<ValidCombinations> find(
      List<Object[]> rows, boolean[] categorical, List<FunctionalDependency> dependencies) {
    int columns = categorical.length;
    List<Set<Object>> values = new ArrayList<>();
    for (int c = 0; c < columns; c++) {
      Set<Object> distinct = new HashSet<>();
      for (Object[] row : rows) {
        if (categorical[c]) {
          distinct.add(FunctionalDependency.key(row[c]));
        }
      }

      values.add(distinct);
    }

    List<ValidCombinations> found = new ArrayList<>();
    List<Double> support = new ArrayList<>();
    for (int a = 0; a < columns; a++) {
      for (int b = a + 1; b < columns; b++) {
        if (!categorical[a]
            || !categorical[b]
            || values.get(a).size() < MIN_VALUES
            || values.get(b).size() < MIN_VALUES
            || linked(a, b, dependencies)) {
          continue;
        }

        Set<String> seen = new HashSet<>();
        for (Object[] row : rows) {
          if (seen.size() > MAX_COMBINATIONS) {
            break;
          }

          seen.add(key(row[a], row[b]));
        }

        double possible = (double) values.get(a).size() * values.get(b).size();
        if (seen.size() <= MAX_COMBINATIONS && seen.size() <= MAX_SUPPORT * possible) {
          found.add(new ValidCombinations(a, b, seen));
          support.add(seen.size() / possible);
        }
      }
    }

    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < found.size(); i++) {
      order.add(i);
    }

    order.sort(Comparator.comparingDouble(support::get));
    return order.stream().limit(MAX_PAIRS).sorted().map(found::get).toList();
  }

  private static boolean linked(int a, int b, List<FunctionalDependency> dependencies) {
    for (FunctionalDependency dependency : dependencies) {
      List<Integer> determinant = dependency.determinant();
      if (determinant.size() == 1
          && ((determinant.get(0) == a && dependency.dependent() == b)
              || (determinant.get(0) == b && dependency.dependent() == a))) {
        return true;
      }
    }

    return false;
  }

  /** One combination as a string: the two values, nulls as {@link FunctionalDependency#NULL}. */
  static String key(Object first, Object second) {
    return FunctionalDependency.key(first) + "\u0000\u0001" + FunctionalDependency.key(second);
  }

  /** 1 if the row's combination is one the training sample has, else 0. */
  public int check(Object[] row) {
    return combinations.contains(key(row[first], row[second])) ? 1 : 0;
  }
}
