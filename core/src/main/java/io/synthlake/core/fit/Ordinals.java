package io.synthlake.core.fit;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.model.TableSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the column that numbers a child table's rows within their parent row (an order's lines 1,
 * 2, 3): in every parent, its values are exactly {@code start, start + 1, …} with one start, 0 or
 * 1, for all parents. With the foreign key to the parent it is the table's composite key, so it is
 * generated as a number, never drawn from a marginal that would repeat it within a parent.
 */
final class Ordinals {
  /**
   * Parents with two or more children a column needs before it is taken for an ordinal unasked: a
   * column that is 1 in every row of a table whose parents have one child each is no evidence.
   */
  static final int MIN_PARENTS = 20;

  private Ordinals() {}

  /**
   * The ordinal of {@code table}, or null.
   *
   * @param parentKey the columns of the foreign key to the parent, over the sample's rows
   * @param excluded columns that are keys or foreign keys
   * @param required a column a composite relation names as the ordinal, or null to look among all
   *     whole-number columns
   */
  static TableSet.Ordinal find(
      String table,
      SampleTable sample,
      int[] kept,
      List<SampleColumn> parentKey,
      Set<String> excluded,
      String required) {
    for (SampleColumn column : sample.columns()) {
      boolean asked = column.name().equals(required);
      if (required != null && !asked
          || excluded.contains(column.name()) && !asked
          || !column.type().logicalType().isIntegral()) {
        continue;
      }

      Long start = start(column, kept, parentKey, asked ? 1 : MIN_PARENTS);
      if (start != null) {
        return new TableSet.Ordinal(column.name(), column.type(), start);
      }
    }

    SynthlakeException.check(
        required == null,
        "table '%s': column '%s' is part of a composite key, so it must number the rows within "
            + "each parent (1, 2, 3 or 0, 1, 2, … in every parent, no gaps, no nulls); it does "
            + "not in the sample: reference a key of one column, or renumber the column",
        table,
        required);
    return null;
  }

  /** The common start of {@code column}'s numbering within each parent, or null. */
  private static Long start(
      SampleColumn column, int[] kept, List<SampleColumn> parentKey, int minParents) {
    Map<Object, List<Double>> byParent = new HashMap<>();
    for (int row : kept) {
      Object parent = KeyValues.of(parentKey, row);
      if (parent == null || column.isNull(row)) {
        return null;
      }

      byParent.computeIfAbsent(parent, p -> new ArrayList<>()).add(column.number(row));
    }

    double start = Double.NaN;
    int parents = 0;
    for (List<Double> values : byParent.values()) {
      double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
      Arrays.sort(sorted);
      start = Double.isNaN(start) ? sorted[0] : start;
      if (sorted[0] != start || start != 0 && start != 1) {
        return null;
      }

      for (int i = 1; i < sorted.length; i++) {
        if (sorted[i] != start + i) {
          return null;
        }
      }

      parents += sorted.length > 1 ? 1 : 0;
    }

    return parents >= minParents ? Long.valueOf((long) start) : null;
  }
}
