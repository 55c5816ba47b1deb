package io.synthlake.core.generate;

import io.synthlake.core.math.Cumulative;
import io.synthlake.core.model.CategoricalColumn;
import io.synthlake.core.model.ColumnGroup;
import io.synthlake.core.model.ColumnModel;
import io.synthlake.core.types.LogicalType;
import io.synthlake.core.types.Values;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one member of a {@link ColumnGroup}: each row's tuple is found from the group's copula
 * uniform and the row's component (as a categorical column finds its category), and the member's
 * value in that tuple is written. Every member of a group finds the same tuple from the same
 * uniform, so a row holds one learned tuple without a buffer shared between the members.
 */
final class GroupMemberGenerator implements ColumnGenerator {
  private final Cumulative[] cumulative;

  /** Per tuple, the member's value as an index into {@link #utf8} or {@link #numbers}; -1: null. */
  private final int[] valueOf;

  private final byte[][] utf8;
  private final double[] numbers;
  private final Emitter emitter;

  /**
   * @param tables the group's {@link #tables}, shared by its members
   */
  GroupMemberGenerator(ColumnModel column, ColumnGroup group, Cumulative[] tables) {
    int count = group.tupleCount();
    this.cumulative = tables;

    List<String> values = group.values(group.members().indexOf(column.name()));
    Map<String, Integer> distinct = new HashMap<>();
    List<String> ordered = new ArrayList<>();
    this.valueOf = new int[count];
    for (int t = 0; t < count; t++) {
      String value = values.get(t);
      if (value == null) {
        valueOf[t] = -1;
      } else {
        valueOf[t] =
            distinct.computeIfAbsent(
                value,
                v -> {
                  ordered.add(v);
                  return ordered.size() - 1;
                });
      }
    }

    boolean isString = column.type().logicalType() == LogicalType.STRING;
    this.utf8 = new byte[ordered.size()][];
    this.numbers = new double[ordered.size()];
    for (int v = 0; v < ordered.size(); v++) {
      if (isString) {
        utf8[v] = ordered.get(v).getBytes(StandardCharsets.UTF_8);
      } else {
        numbers[v] =
            Values.parse(ordered.get(v), column.type(), "column '" + column.name() + "' tuple");
      }
    }

    this.emitter = isString ? null : Emitter.forType(column.type());
  }

  /**
   * The group's tuple intervals per component, built once for all its members (a table may hold
   * thousands of tuples).
   */
  static Cumulative[] tables(ColumnGroup group) {
    CategoricalColumn tuples = group.tuples();
    Cumulative[] tables = new Cumulative[group.componentCount()];
    for (int k = 0; k < tables.length; k++) {
      double[] bounds = tuples.intervalEnds(k);
      bounds[group.tupleCount()] = Double.POSITIVE_INFINITY;
      tables[k] = Cumulative.of(bounds);
    }

    return tables;
  }

  @Override
  public void fill(
      long firstRow, int rows, int[] components, double[] uniforms, long block, ColumnSink sink) {
    boolean codes = emitter == null && sink.acceptsDictionary(utf8);
    for (int r = 0; r < rows; r++) {
      // The group has no null slice: interval 0 is empty, so tuple t ends at interval t + 1.
      int value = valueOf[cumulative[components[r]].firstAbove(uniforms[r]) - 1];
      if (value < 0) {
        sink.putNull(r);
      } else if (codes) {
        sink.putCode(r, value);
      } else if (emitter == null) {
        sink.putUtf8(r, utf8[value], 0, utf8[value].length);
      } else {
        emitter.emit(sink, r, numbers[value]);
      }
    }
  }
}
