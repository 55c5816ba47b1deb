package io.synthlake.core.spec;

import io.synthlake.core.model.TableModel;
import java.util.List;

/**
 * A parsed spec: the model of its generated columns, the derived columns computed from them, and the output order.
 * A fitted model file is a spec without derived columns.
 */
public final class Spec {
  private final TableModel model;
  private final List<DerivedColumn> derived;
  private final List<String> columnOrder;

  public Spec(TableModel model, List<DerivedColumn> derived, List<String> columnOrder) {
    this.model = model;
    this.derived = List.copyOf(derived);
    this.columnOrder = List.copyOf(columnOrder);
  }

  public TableModel model() {
    return model;
  }

  public List<DerivedColumn> derived() {
    return derived;
  }

  public List<String> columnOrder() {
    return columnOrder;
  }
}
