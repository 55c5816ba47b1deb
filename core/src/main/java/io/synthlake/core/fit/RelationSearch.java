package io.synthlake.core.fit;

import io.synthlake.core.model.Derivation;
import io.synthlake.core.types.ColumnKind;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * The fit's search for arithmetic relations among numeric columns ({@link DerivationFinder}) for
 * callers outside the fit, on plain columns of doubles: evaluation reports how often each table's
 * rows keep the relations of its training rows, found by the same rules the fit derives columns by.
 */
public final class RelationSearch {
  private RelationSearch() {}

  /**
   * @param names the columns' names
   * @param values per column, its values on the sample rows; NaN for null
   * @return the relations found, each computing one column from one to three others
   */
  public static List<Derivation> find(List<String> names, List<double[]> values) {
    List<SampleColumn> columns = new ArrayList<>();
    List<ColumnKind> kinds = new ArrayList<>();
    for (int c = 0; c < names.size(); c++) {
      double[] x = values.get(c).clone();
      boolean[] nulls = new boolean[x.length];
      boolean whole = true;
      for (int row = 0; row < x.length; row++) {
        nulls[row] = Double.isNaN(x[row]);
        if (nulls[row]) {
          x[row] = 0;
        } else {
          whole &= x[row] == Math.rint(x[row]) && Math.abs(x[row]) < 1e15;
        }
      }

      columns.add(
          SampleColumn.numbers(
              names.get(c), DataType.of(whole ? LogicalType.LONG : LogicalType.DOUBLE), x, nulls));
      kinds.add(whole ? ColumnKind.INTEGER : ColumnKind.CONTINUOUS);
    }

    return DerivationFinder.find(columns, kinds, FitSettings.defaults(), false).derivations();
  }
}
