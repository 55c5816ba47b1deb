package io.synthlake.core.model;

import io.synthlake.core.Errors;
import io.synthlake.core.SynthlakeException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A fitted or specified table model: the output columns in order, the dependence between the copula
 * columns (every column but keys, in column order) and free-form properties recording how the model
 * was made. Immutable; holds no raw rows.
 */
public final class TableModel {
  private final List<ColumnModel> columns;
  private final DependenceModel dependence;
  private final Map<String, String> properties;
  private final int[] copulaIndex;

  private TableModel(
      List<ColumnModel> columns, DependenceModel dependence, Map<String, String> properties) {
    this.columns = List.copyOf(columns);
    this.dependence = dependence;
    this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    this.copulaIndex = new int[columns.size()];
    int next = 0;
    for (int i = 0; i < columns.size(); i++) {
      copulaIndex[i] = columns.get(i).kind().inCopula() ? next++ : -1;
    }
  }

  public static TableModel of(
      List<ColumnModel> columns, DependenceModel dependence, Map<String, String> properties) {
    check(!columns.isEmpty(), "columns", "a model needs at least one column");
    Set<String> names = new HashSet<>();
    List<ColumnModel> copulaColumns = new ArrayList<>();
    for (ColumnModel column : columns) {
      check(
          names.add(column.name()),
          "name",
          "column '%s' appears twice; column names must be unique",
          column.name());
      if (column.kind().inCopula()) {
        copulaColumns.add(column);
      }
    }

    check(
        dependence.dimension() == copulaColumns.size(),
        "dependence",
        "the dependence model covers %d columns but the model has %d non-key columns",
        dependence.dimension(),
        copulaColumns.size());
    for (ColumnModel column : copulaColumns) {
      int components =
          column instanceof NumericColumn
              ? ((NumericColumn) column).components().size()
              : ((CategoricalColumn) column).componentCount();
      check(
          components == dependence.componentCount(),
          "components",
          "column '%s' has %d component distributions but the dependence model has %d components",
          column.name(),
          components,
          dependence.componentCount());
    }

    return new TableModel(columns, dependence, properties);
  }

  private static void check(boolean condition, String field, String template, Object... args) {
    if (!condition) {
      throw Errors.invalidModel(field, template, args);
    }
  }

  public List<ColumnModel> columns() {
    return columns;
  }

  public DependenceModel dependence() {
    return dependence;
  }

  public Map<String, String> properties() {
    return properties;
  }

  /** The column's position among the copula columns, or -1 for a key. */
  public int copulaIndex(int column) {
    return copulaIndex[column];
  }

  /** The column names, in order. */
  public List<String> columnNames() {
    return columns.stream().map(ColumnModel::name).toList();
  }

  public ColumnModel column(String name) {
    for (ColumnModel column : columns) {
      if (column.name().equals(name)) {
        return column;
      }
    }

    throw SynthlakeException.of(
        "the model has no column '%s'; its columns are %s",
        name, columns.stream().map(ColumnModel::name).collect(Collectors.joining(", ")));
  }
}
