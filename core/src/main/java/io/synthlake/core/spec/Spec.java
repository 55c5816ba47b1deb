package io.synthlake.core.spec;

import io.synthlake.core.generate.EdgeCases;
import io.synthlake.core.model.TableModel;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A parsed spec: the model of its generated columns, the derived columns computed from them, and
 * the output order. A fitted model file is a spec without derived columns.
 *
 * @param columnOrder output columns in order; hidden helper columns (names starting with {@code
 *     __}) are not among them
 * @param orderConstraints groups of columns whose values must be ascending in every row ({@code a
 *     <= b <= c}), applied by sorting
 * @param edgeCases the {@code edge-cases} block's share of boundary rows, or null
 */
public record Spec(
    TableModel model,
    List<DerivedColumn> derived,
    List<String> columnOrder,
    List<List<String>> orderConstraints,
    EdgeCases edgeCases) {
  /** A spec without an {@code edge-cases} block. */
  public Spec(
      TableModel model,
      List<DerivedColumn> derived,
      List<String> columnOrder,
      List<List<String>> orderConstraints) {
    this(model, derived, columnOrder, orderConstraints, null);
  }

  public Spec {
    derived = List.copyOf(derived);
    columnOrder = List.copyOf(columnOrder);
    orderConstraints =
        orderConstraints.stream().map(List::copyOf).collect(Collectors.toUnmodifiableList());
  }
}
