package io.synthlake.core.spec;

import io.synthlake.core.model.TableModel;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A parsed spec: the model of its generated columns, the derived columns computed from them, and the output order.
 * A fitted model file is a spec without derived columns.
 */
public final class Spec {
  private final TableModel model;
  private final List<DerivedColumn> derived;
  private final List<String> columnOrder;
  private final List<List<String>> orderConstraints;

  public Spec(TableModel model, List<DerivedColumn> derived, List<String> columnOrder, List<List<String>> orderConstraints) {
    this.model = model;
    this.derived = List.copyOf(derived);
    this.columnOrder = List.copyOf(columnOrder);
    this.orderConstraints = orderConstraints.stream().map(List::copyOf).collect(Collectors.toUnmodifiableList());
  }

  public TableModel model() {
    return model;
  }

  public List<DerivedColumn> derived() {
    return derived;
  }

  /** Output columns in order; hidden helper columns (names starting with {@code __}) are not among them. */
  public List<String> columnOrder() {
    return columnOrder;
  }

  /** Groups of columns whose values must be ascending in every row ({@code a <= b <= c}), applied by sorting. */
  public List<List<String>> orderConstraints() {
    return orderConstraints;
  }
}
