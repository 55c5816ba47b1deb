package io.synthlake.core.model;

import io.synthlake.core.Errors;
import io.synthlake.core.SynthlakeException;
import io.synthlake.core.types.ColumnKind;
import java.util.ArrayList;
import java.util.Arrays;
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
  private final List<ColumnGroup> groups;

  /** Per column, the group it belongs to, or -1. */
  private final int[] groupOf;

  /** Per group, its copula column: where its first member would sit. */
  private final int[] groupSlot;

  /** Per column, the copula column of its time of day (right after its own), or -1. */
  private final int[] timeOfDaySlot;

  /** Columns computed from others, in the order they are computed. */
  private final List<Derivation> derivations;

  private TableModel(
      List<ColumnModel> columns, DependenceModel dependence, Map<String, String> properties) {
    this(columns, dependence, properties, List.of(), List.of());
  }

  private TableModel(
      List<ColumnModel> columns,
      DependenceModel dependence,
      Map<String, String> properties,
      List<Derivation> derivations,
      List<ColumnGroup> groups) {
    this.derivations = List.copyOf(derivations);
    this.groups = List.copyOf(groups);
    this.columns = List.copyOf(columns);
    this.dependence = dependence;
    this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    this.copulaIndex = new int[columns.size()];
    this.groupOf = new int[columns.size()];
    this.groupSlot = new int[groups.size()];
    this.timeOfDaySlot = new int[columns.size()];
    Arrays.fill(groupSlot, -1);
    Arrays.fill(timeOfDaySlot, -1);
    int next = 0;
    for (int i = 0; i < columns.size(); i++) {
      groupOf[i] = -1;
      for (int g = 0; g < groups.size(); g++) {
        if (groups.get(g).members().contains(columns.get(i).name())) {
          groupOf[i] = g;
        }
      }

      // A group's copula column sits where its first member would; its members leave the copula.
      if (groupOf[i] >= 0) {
        copulaIndex[i] = -1;
        if (groupSlot[groupOf[i]] < 0) {
          groupSlot[groupOf[i]] = next++;
        }
      } else {
        copulaIndex[i] = columns.get(i).kind().inCopula() ? next++ : -1;
        if (timeOfDay(columns.get(i)) != null) {
          timeOfDaySlot[i] = next++;
        }
      }
    }
  }

  private static TimeOfDay timeOfDay(ColumnModel column) {
    return column instanceof NumericColumn ? ((NumericColumn) column).timeOfDay() : null;
  }

  public static TableModel of(
      List<ColumnModel> columns, DependenceModel dependence, Map<String, String> properties) {
    return of(columns, dependence, properties, List.of());
  }

  /**
   * A model whose {@code groups} each take one copula column, at the place of their first member in
   * column order, while their members leave the copula.
   */
  public static TableModel of(
      List<ColumnModel> columns,
      DependenceModel dependence,
      Map<String, String> properties,
      List<ColumnGroup> groups) {
    check(!columns.isEmpty(), "columns", "a model needs at least one column");
    Set<String> grouped = new HashSet<>();
    for (ColumnGroup group : groups) {
      group.check(columns, grouped);
      check(
          group.componentCount() == dependence.componentCount(),
          "components",
          "the group of '%s' has %d component distributions but the dependence model has %d"
              + " components",
          group.members().get(0),
          group.componentCount(),
          dependence.componentCount());
    }

    Set<String> names = new HashSet<>();
    List<ColumnModel> copulaColumns = new ArrayList<>();
    int timesOfDay = 0;
    for (ColumnModel column : columns) {
      if (timeOfDay(column) != null) {
        check(
            !grouped.contains(column.name()),
            "groups",
            "column '%s' has a time of day of its own, so it cannot be a group member; remove one",
            column.name());
        timesOfDay++;
      }

      check(
          names.add(column.name()),
          "name",
          "column '%s' appears twice; column names must be unique",
          column.name());
      if (column.kind().inCopula()) {
        copulaColumns.add(column);
      }
    }

    int dimension = copulaColumns.size() - grouped.size() + groups.size() + timesOfDay;
    check(
        dependence.dimension() == dimension,
        "dependence",
        "the dependence model covers %d columns but the model has %d non-key columns, groups"
            + " and times of day",
        dependence.dimension(),
        dimension);
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

    return new TableModel(columns, dependence, properties, List.of(), groups);
  }

  private static void check(boolean condition, String field, String template, Object... args) {
    if (!condition) {
      throw Errors.invalidModel(field, template, args);
    }
  }

  public List<ColumnModel> columns() {
    return columns;
  }

  /**
   * The same model with {@code derivations} computing their target columns, in this order: a
   * derived column may be the input of a later one, never of an earlier one, so there is no cycle.
   */
  public TableModel withDerivations(List<Derivation> derivations) {
    Set<String> derived = new HashSet<>();
    for (Derivation derivation : derivations) {
      ColumnModel target = column(derivation.target());
      check(
          target instanceof NumericColumn
              && (target.kind() == ColumnKind.CONTINUOUS || target.kind() == ColumnKind.INTEGER),
          "derived",
          "derived column '%s' is of kind %s; only continuous and integer columns are derived",
          derivation.target(),
          target.kind().jsonName());
      for (String input : derivation.inputs()) {
        ColumnModel column = column(input);
        check(
            column instanceof NumericColumn
                && (column.kind() == ColumnKind.CONTINUOUS || column.kind() == ColumnKind.INTEGER),
            "derived",
            "derived column '%s' reads column '%s' of kind %s; inputs are continuous or integer",
            derivation.target(),
            input,
            column.kind().jsonName());
        check(
            !isLater(derivations, derivation, input),
            "derived",
            "derived column '%s' reads '%s', which is derived later or from it; list a derived "
                + "column before the columns that read it",
            derivation.target(),
            input);
      }

      check(
          derived.add(derivation.target()),
          "derived",
          "column '%s' is derived twice; keep one relation per column",
          derivation.target());
    }

    return new TableModel(columns, dependence, properties, derivations, groups);
  }

  /** Whether {@code column} is the target of a derivation listed after {@code current}. */
  private static boolean isLater(List<Derivation> all, Derivation current, String column) {
    for (int i = all.indexOf(current) + 1; i < all.size(); i++) {
      if (all.get(i).target().equals(column)) {
        return true;
      }
    }

    return false;
  }

  /** Columns computed from others, in the order they are computed; empty for most models. */
  public List<Derivation> derivations() {
    return derivations;
  }

  public DependenceModel dependence() {
    return dependence;
  }

  public Map<String, String> properties() {
    return properties;
  }

  /** The column's position among the copula columns, or -1 for a key or a group member. */
  public int copulaIndex(int column) {
    return copulaIndex[column];
  }

  /** The groups of columns drawn as learned tuples; empty for most models. */
  public List<ColumnGroup> groups() {
    return groups;
  }

  /** The group that column {@code column} belongs to, or -1. */
  public int groupOf(int column) {
    return groupOf[column];
  }

  /** Group {@code group}'s position among the copula columns. */
  public int groupSlot(int group) {
    return groupSlot[group];
  }

  /**
   * The copula column of column {@code column}'s time of day, right after its own, or -1 when the
   * column has none.
   */
  public int timeOfDaySlot(int column) {
    return timeOfDaySlot[column];
  }

  /**
   * The copula column whose uniform draws column {@code column}: its own, its group's, or -1 for a
   * key.
   */
  public int uniformSlot(int column) {
    return groupOf[column] >= 0 ? groupSlot[groupOf[column]] : copulaIndex[column];
  }

  /**
   * The copula columns' names in order: a group stands by its name at its first member's place, a
   * time of day by its hidden name right after its column.
   */
  public List<String> copulaNames() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      if (copulaIndex[i] >= 0) {
        names.add(columns.get(i).name());
        if (timeOfDaySlot[i] >= 0) {
          names.add(TimeOfDay.copulaName(columns.get(i).name()));
        }
      } else if (groupOf[i] >= 0 && groupSlot[groupOf[i]] == names.size()) {
        names.add(groups.get(groupOf[i]).name());
      }
    }

    return names;
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
