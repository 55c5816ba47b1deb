package io.synthlake.core.model;

import io.synthlake.core.Errors;
import io.synthlake.core.math.AutoRegression;
import io.synthlake.core.types.ColumnKind;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tables whose keys join: each table's model, and the foreign keys between them. A table has at
 * most one parent (its first foreign key), which makes the tables a forest: a child's rows are
 * generated beside their parent's, the number each parent gets drawn from a hidden count column of
 * the parent's own model (so it depends on the parent's other columns through the copula), and each
 * child's mixture component drawn from its parent's scores ({@link ParentLink}). Further foreign
 * keys pick a parent row by popularity ({@link Popularity}). Immutable; holds no rows and no keys
 * of the input.
 */
public final class TableSet {
  /**
   * Prefix of the hidden count columns a parent model holds, one per child table: never written
   * out.
   */
  public static final String COUNT_COLUMN_PREFIX = "synthlake:children-in:";

  /** Prefix of every hidden column: the model draws it, no table writes it. */
  public static final String HIDDEN_PREFIX = "synthlake:";

  /** The hidden column of a sequence table: the gap since the entity's previous row. */
  public static final String GAP_COLUMN = "synthlake:gap";

  /** Prefix of the hidden columns of a parent that hold when each sequence child starts. */
  public static final String START_COLUMN_PREFIX = "synthlake:start-of:";

  /**
   * How a table's rows follow each other: within their parent row, its entity (an account's
   * transactions, a city's days), or as one long series when the table has no parent. Column {@code
   * order} is written as the entity's start (hidden column {@link #startColumn} of the parent's
   * model, or the series' own chunk start) plus the running sum of the gaps (hidden column {@link
   * #GAP_COLUMN} of the table's model), so it never goes back; the normal scores of each column
   * named in {@code processes} follow its autoregressive process along the entity's rows, so that a
   * hot day follows a hot day; a column named in {@code seasons} moves with the time of its row
   * (trend, time of year, week and day) around that process, the gaps with the time of the row
   * before; and a categorical column named in {@code transitions} moves from state to state.
   *
   * @param order the column the rows are ordered by
   * @param orderType its type: a date (gaps in days), a timestamp (microseconds) or a number
   * @param monthDay for a date order whose every value falls on one day of its month, that day (1
   *     to 31; the gaps then count months and each row lands on that day, or its month's last); 0
   *     otherwise
   * @param processes per model column, its process (columns without one are drawn afresh each row)
   * @param seasons per model column, how its score moves with time (columns without one do not)
   * @param transitions per categorical model column, the chain its states follow (such a column has
   *     neither process nor season)
   * @param series for a table without parent, where its chunks start; null for an entity's history
   * @param balances values carried from row to row of an entity, such as an account's balance
   */
  public record Sequence(
      String order,
      DataType orderType,
      int monthDay,
      Map<String, AutoRegression> processes,
      Map<String, Seasonality> seasons,
      Map<String, StateTransitions> transitions,
      Series series,
      List<RunningBalance> balances) {
    public Sequence {
      processes = Collections.unmodifiableMap(new LinkedHashMap<>(processes));
      seasons = Collections.unmodifiableMap(new LinkedHashMap<>(seasons));
      transitions = Collections.unmodifiableMap(new LinkedHashMap<>(transitions));
      balances = List.copyOf(balances);
      if (order == null || order.isEmpty() || !orderType.logicalType().isNumeric()) {
        throw Errors.invalidModel(
            "sequence", "a sequence needs an order column of a date, timestamp or number type");
      }

      if (monthDay < 0
          || monthDay > 31
          || monthDay > 0 && orderType.logicalType() != LogicalType.DATE) {
        throw Errors.invalidModel(
            "sequence",
            "month-day %d: a sequence's rows fall on a day of the month (1 to 31) only when it is "
                + "ordered by a date",
            monthDay);
      }
    }

    /** An entity's history with processes alone: gaps in order units, no seasons, no balances. */
    public static Sequence of(
        String order, DataType orderType, Map<String, AutoRegression> processes) {
      return new Sequence(order, orderType, 0, processes, Map.of(), Map.of(), null, List.of());
    }

    /** This sequence with gaps counted in months, each row on day {@code day} of its month. */
    public Sequence withMonthDay(int day) {
      return new Sequence(order, orderType, day, processes, seasons, transitions, series, balances);
    }

    /** This sequence with {@code seasons}, and chunks {@code series} (null for histories). */
    public Sequence withSeasons(Map<String, Seasonality> seasons, Series series) {
      return new Sequence(
          order, orderType, monthDay, processes, seasons, transitions, series, balances);
    }

    /** This sequence with {@code transitions}. */
    public Sequence withTransitions(Map<String, StateTransitions> transitions) {
      return new Sequence(
          order, orderType, monthDay, processes, seasons, transitions, series, balances);
    }

    /** This sequence with {@code balances}. */
    public Sequence withBalances(List<RunningBalance> balances) {
      return new Sequence(
          order, orderType, monthDay, processes, seasons, transitions, series, balances);
    }

    /** Whether its gaps count months rather than order units. */
    public boolean monthly() {
      return monthDay > 0;
    }
  }

  /**
   * A single long series, the rows of a table without parent: generated in chunks of {@link
   * io.synthlake.core.generate.TableSampler#BLOCK_ROWS} rows, chunk c from {@code start + c·span},
   * each chunk's processes started afresh from their stationary law. A chunk's order values are
   * kept below the next chunk's start, at least {@code minGap} apart, so the order never goes back.
   *
   * @param start the first order value of the fitted series (for a monthly sequence, its month:
   *     {@code 12·year + month - 1})
   * @param span how far the order moves in one chunk: its rows times the mean gap (months, for a
   *     monthly sequence)
   * @param minGap the smallest gap between rows, at least 0
   */
  public record Series(double start, double span, double minGap) {
    public Series {
      if (!Double.isFinite(start) || !(span > 0) || !(minGap >= 0) || Double.isInfinite(span)) {
        throw Errors.invalidModel(
            "series",
            "a series needs a finite start, a positive span and a gap of at least 0, got start "
                + "%s, span %s, gap %s; fit the model again",
            start,
            span,
            minGap);
      }
    }
  }

  /**
   * A foreign key: {@code columns} of a table hold the values of {@code parentKeys} of {@code
   * parentTable}. One column names a key column of the parent's model; several name a composite key
   * (the parent's own foreign key to its parent, then its {@link Ordinal}), which only the table's
   * parent may have.
   *
   * @param popularity how a further key's children spread over the parent's rows; null for the
   *     parent's key
   * @param affinity how a further key's parent depends on the child row's component, or null when
   *     it does not
   */
  public record ForeignKey(
      List<String> columns,
      String parentTable,
      List<String> parentKeys,
      Popularity popularity,
      KeyAffinity affinity) {
    public ForeignKey {
      columns = List.copyOf(columns);
      parentKeys = List.copyOf(parentKeys);
      if (columns.isEmpty() || columns.size() != parentKeys.size()) {
        throw Errors.invalidModel(
            "foreign-keys",
            "a foreign key needs one or more columns and as many parent key columns, got %s and %s",
            columns,
            parentKeys);
      }
    }

    /** A one-column key. */
    public ForeignKey(
        String column,
        String parentTable,
        String parentKey,
        Popularity popularity,
        KeyAffinity affinity) {
      this(List.of(column), parentTable, List.of(parentKey), popularity, affinity);
    }

    /**
     * A one-column key without affinity: the table's parent's (null popularity) or a further one's.
     */
    public ForeignKey(String column, String parentTable, String parentKey, Popularity popularity) {
      this(column, parentTable, parentKey, popularity, null);
    }

    /** The key's first (for a one-column key, its only) column. */
    public String column() {
      return columns.get(0);
    }

    /** The parent's key column the first column references. */
    public String parentKey() {
      return parentKeys.get(0);
    }

    public boolean isComposite() {
      return columns.size() > 1;
    }

    /** Whether this key names the table's parent (its rows are generated beside the parent's). */
    public boolean isParent() {
      return popularity == null;
    }
  }

  /**
   * A column that numbers a child table's rows within their parent row, from {@code start}: with
   * the foreign key to the parent it makes the table's composite key (an order's line numbers 1, 2,
   * 3 beside its order id).
   */
  public record Ordinal(String column, DataType type, long start) {
    public Ordinal {
      if (column == null || column.isEmpty() || !type.logicalType().isIntegral()) {
        throw Errors.invalidModel(
            "ordinal", "an ordinal needs a column name and a whole-number type, got %s", type);
      }
    }
  }

  /**
   * One table of the set.
   *
   * @param name the table's name, unique in the set
   * @param model the model of its own columns, with the hidden count columns of its children and
   *     without foreign keys
   * @param columns the output columns in order: the model's columns but the hidden ones, and the
   *     foreign keys
   * @param inputRows rows of the table the model was fitted on, which sets the default size of a
   *     root table
   * @param link how a row's mixture component depends on its parent row; null for a root table
   * @param foreignKeys the table's foreign keys, its parent's first
   * @param ordinal the column numbering the rows within their parent, or null
   * @param sequence how the rows follow each other within their parent, or null
   */
  public record Table(
      String name,
      TableModel model,
      List<String> columns,
      long inputRows,
      ParentLink link,
      List<ForeignKey> foreignKeys,
      Ordinal ordinal,
      Sequence sequence) {
    public Table {
      columns = List.copyOf(columns);
      foreignKeys = List.copyOf(foreignKeys);
    }

    /** A table without an ordinal column. */
    public Table(
        String name,
        TableModel model,
        List<String> columns,
        long inputRows,
        ParentLink link,
        List<ForeignKey> foreignKeys) {
      this(name, model, columns, inputRows, link, foreignKeys, null, null);
    }

    /**
     * The columns of the table's composite key, its parent key's columns then its ordinal; empty
     * when it has no ordinal.
     */
    public List<String> compositeKey() {
      if (ordinal == null) {
        return List.of();
      }

      List<String> key = new ArrayList<>(parentKey().columns());
      key.add(ordinal.column());
      return key;
    }

    /** The parent's foreign key, or null for a root table. */
    public ForeignKey parentKey() {
      return !foreignKeys.isEmpty() && foreignKeys.get(0).isParent() ? foreignKeys.get(0) : null;
    }

    /** The parent table's name, or null for a root table. */
    public String parent() {
      ForeignKey key = parentKey();
      return key == null ? null : key.parentTable();
    }

    /** The foreign key on {@code column} (one of its columns), or null. */
    public ForeignKey foreignKey(String column) {
      for (ForeignKey key : foreignKeys) {
        if (key.columns().contains(column)) {
          return key;
        }
      }

      return null;
    }
  }

  private final List<Table> tables;
  private final Map<String, Table> byName;
  private final Map<String, String> properties;

  private TableSet(List<Table> tables, Map<String, String> properties) {
    this.tables = List.copyOf(tables);
    Map<String, Table> names = new LinkedHashMap<>();
    for (Table table : tables) {
      names.put(table.name(), table);
    }

    this.byName = Collections.unmodifiableMap(names);
    this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }

  /** Checks that the tables fit together; {@code tables} lists every parent before its children. */
  public static TableSet of(List<Table> tables, Map<String, String> properties) {
    if (tables.isEmpty()) {
      throw Errors.invalidModel("tables", "a table set needs at least one table");
    }

    Map<String, Table> seen = new LinkedHashMap<>();
    for (Table table : tables) {
      String name = table.name();
      if (name == null || name.isEmpty() || seen.containsKey(name)) {
        throw Errors.invalidModel(
            "tables", "table names must be unique and not empty, got '%s' twice or empty", name);
      }

      checkColumns(table);
      for (ForeignKey key : table.foreignKeys()) {
        Table parent = key.parentTable().equals(name) ? table : seen.get(key.parentTable());
        if (parent == null && key.isParent()) {
          throw Errors.invalidModel(
              "tables",
              "table '%s' comes before its parent '%s' (or the parent is missing): list "
                  + "every parent before its children",
              name,
              key.parentTable());
        }

        if (parent == null) {
          parent =
              tables.stream()
                  .filter(t -> t.name().equals(key.parentTable()))
                  .findFirst()
                  .orElseThrow(
                      () ->
                          Errors.invalidModel(
                              "foreign-keys",
                              "table '%s': column '%s' references table '%s', which the set does "
                                  + "not hold",
                              name,
                              key.column(),
                              key.parentTable()));
        }

        if (key.isComposite()) {
          checkCompositeKey(table, key, parent);
        } else if (!parent.model().columnNames().contains(key.parentKey())
            || !(parent.model().column(key.parentKey()) instanceof KeyColumn)) {
          throw Errors.invalidModel(
              "foreign-keys",
              "table '%s': column '%s' references '%s.%s', which is not a key "
                  + "column of that table",
              name,
              key.column(),
              key.parentTable(),
              key.parentKey());
        }
      }

      if (table.parent() != null) {
        checkParentLink(table, seen.get(table.parent()));
        checkSequence(table, seen.get(table.parent()));
      } else if (table.sequence() != null && table.sequence().series() == null) {
        throw Errors.invalidModel(
            "sequence",
            "table '%s' is an entity's history but has no parent, its entity; a table without "
                + "parent is a single series and needs its 'series'",
            name);
      } else if (table.sequence() != null) {
        checkSequence(table, null);
      } else if (table.link() != null) {
        throw Errors.invalidModel(
            "parent-link", "table '%s' has no parent but a parent link", name);
      }

      for (ForeignKey key : table.foreignKeys()) {
        checkAffinity(table, key, tables);
      }

      for (int i = 1; i < table.foreignKeys().size(); i++) {
        if (table.foreignKeys().get(i).isParent()) {
          throw Errors.invalidModel(
              "foreign-keys",
              "table '%s': only its first foreign key may name its parent; "
                  + "column '%s' needs a popularity curve",
              name,
              table.foreignKeys().get(i).column());
        }
      }

      seen.put(name, table);
    }

    for (Table table : tables) {
      for (ColumnModel column : table.model().columns()) {
        if (isCountColumn(column.name()) && !seen.containsKey(childOf(column.name()))) {
          throw Errors.invalidModel(
              "columns",
              "table '%s' counts the children of '%s', which the set does not hold",
              table.name(),
              childOf(column.name()));
        }
      }
    }

    return new TableSet(tables, properties);
  }

  private static void checkSequence(Table table, Table parent) {
    Sequence sequence = table.sequence();
    if (sequence == null) {
      return;
    }

    String start = startColumn(table.name());
    boolean columns =
        numeric(table.model(), GAP_COLUMN)
            && (parent == null || numeric(parent.model(), start) && sequence.series() == null)
            && table.columns().contains(sequence.order())
            && !table.model().columnNames().contains(sequence.order());
    Set<String> varying = new HashSet<>(sequence.processes().keySet());
    varying.addAll(sequence.seasons().keySet());
    for (String column : varying) {
      columns &=
          table.model().columnNames().contains(column)
              && table.model().copulaIndex(table.model().columnNames().indexOf(column)) >= 0;
    }

    if (!columns) {
      throw Errors.invalidModel(
          "sequence",
          "table '%s' is a sequence ordered by '%s': it needs a numeric '%s' column, %s, the "
              + "order among its output columns, and processes and seasons only for its copula "
              + "columns",
          table.name(),
          sequence.order(),
          GAP_COLUMN,
          parent == null
              ? "a series start"
              : "its parent '" + parent.name() + "' a numeric '" + start + "' column");
    }

    for (Map.Entry<String, StateTransitions> chain : sequence.transitions().entrySet()) {
      String column = chain.getKey();
      boolean categorical =
          table.model().columnNames().contains(column)
              && table.model().column(column) instanceof CategoricalColumn categories
              && table.model().copulaIndex(table.model().columnNames().indexOf(column)) >= 0
              && categories.categories().size() + 1 == chain.getValue().states()
              && categories.componentCount() == chain.getValue().componentCount();
      if (!categorical || varying.contains(column)) {
        throw Errors.invalidModel(
            "transitions",
            "table '%s': column '%s' has transitions, so it must be a categorical copula column "
                + "with one state per category and null, one matrix per component, and neither "
                + "process nor season",
            table.name(),
            column);
      }
    }

    for (RunningBalance balance : sequence.balances()) {
      if (parent == null) {
        throw Errors.invalidModel(
            "balances",
            "table '%s' carries balance '%s' but has no parent; a balance runs along an entity's "
                + "rows, so give the table a parent",
            table.name(),
            balance.column());
      }

      balance.check(table.name(), table.model(), parent.name(), parent.model());
    }
  }

  private static boolean numeric(TableModel model, String column) {
    return model.columnNames().contains(column) && model.column(column) instanceof NumericColumn;
  }

  private static void checkColumns(Table table) {
    Set<String> expected = new HashSet<>();
    for (ColumnModel column : table.model().columns()) {
      if (!isHidden(column.name())) {
        expected.add(column.name());
      }
    }

    List<String> generated = new ArrayList<>();
    table.foreignKeys().forEach(key -> generated.addAll(key.columns()));
    if (table.sequence() != null) {
      generated.add(table.sequence().order());
      table.sequence().balances().forEach(balance -> generated.add(balance.column()));
    }

    if (table.ordinal() != null) {
      if (table.parentKey() == null) {
        throw Errors.invalidModel(
            "ordinal",
            "table '%s' numbers its rows within a parent in '%s', but has no parent",
            table.name(),
            table.ordinal().column());
      }

      generated.add(table.ordinal().column());
    }

    for (String column : generated) {
      if (!expected.add(column)) {
        throw Errors.invalidModel(
            "foreign-keys",
            "table '%s': column '%s' is a foreign key or ordinal and also a model column, or "
                + "appears twice",
            table.name(),
            column);
      }
    }

    if (!expected.equals(new HashSet<>(table.columns()))
        || expected.size() != table.columns().size()) {
      throw Errors.invalidModel(
          "columns",
          "table '%s': the output columns %s must be the model's columns and the "
              + "foreign keys, each once",
          table.name(),
          table.columns());
    }
  }

  private static void checkCompositeKey(Table table, ForeignKey key, Table parent) {
    if (key != table.foreignKeys().get(0)
        || !key.isParent()
        || !key.parentKeys().equals(parent.compositeKey())) {
      throw Errors.invalidModel(
          "foreign-keys",
          "table '%s': columns %s reference %s of '%s', but a composite key must be the table's "
              + "first (parent) key and name the parent's composite key %s",
          table.name(),
          key.columns(),
          key.parentKeys(),
          parent.name(),
          parent.compositeKey());
    }
  }

  private static void checkAffinity(Table table, ForeignKey key, List<Table> tables) {
    KeyAffinity affinity = key.affinity();
    if (affinity == null) {
      return;
    }

    Table parent =
        tables.stream().filter(t -> t.name().equals(key.parentTable())).findFirst().orElseThrow();
    if (key.isParent()
        || parent.parent() != null
        || affinity.componentCount() != table.model().dependence().componentCount()
        || affinity.parentComponentCount() != parent.model().dependence().componentCount()) {
      throw Errors.invalidModel(
          "affinity",
          "table '%s': column '%s' has an affinity, which needs a further key to a root table "
              + "and one share per component of both tables (%d and %d)",
          table.name(),
          key.column(),
          table.model().dependence().componentCount(),
          parent.model().dependence().componentCount());
    }
  }

  private static void checkParentLink(Table table, Table parent) {
    String countColumn = countColumn(table.name());
    if (!parent.model().columnNames().contains(countColumn)
        || !(parent.model().column(countColumn) instanceof NumericColumn)
        || parent.model().column(countColumn).kind() != ColumnKind.INTEGER) {
      throw Errors.invalidModel(
          "columns",
          "table '%s' has no integer column '%s' to count the rows of its child '%s'",
          parent.name(),
          countColumn,
          table.name());
    }

    ParentLink link = table.link();
    if (link == null
        || link.componentCount() != table.model().dependence().componentCount()
        || link.parentComponentCount() != parent.model().dependence().componentCount()
        || link.parentDimension() != 0
            && link.parentDimension() != parent.model().dependence().dimension()) {
      throw Errors.invalidModel(
          "parent-link",
          "table '%s' needs a parent link from its parent's %d mixture components "
              + "and %d copula columns to its own %d components",
          table.name(),
          parent.model().dependence().componentCount(),
          parent.model().dependence().dimension(),
          table.model().dependence().componentCount());
    }
  }

  /**
   * The hidden column of a parent model that holds how many rows of {@code child} each parent row
   * has.
   */
  public static String countColumn(String child) {
    return COUNT_COLUMN_PREFIX + child;
  }

  public static boolean isCountColumn(String column) {
    return column.startsWith(COUNT_COLUMN_PREFIX);
  }

  /**
   * The hidden column of a parent model that holds when its rows of sequence {@code child} start.
   */
  public static String startColumn(String child) {
    return START_COLUMN_PREFIX + child;
  }

  /** Whether {@code column} is a hidden model column: drawn, never written. */
  public static boolean isHidden(String column) {
    return column.startsWith(HIDDEN_PREFIX);
  }

  private static String childOf(String countColumn) {
    return countColumn.substring(COUNT_COLUMN_PREFIX.length());
  }

  /** The tables, every parent before its children. */
  public List<Table> tables() {
    return tables;
  }

  public List<String> names() {
    return new ArrayList<>(byName.keySet());
  }

  public Table table(String name) {
    Table table = byName.get(name);
    if (table == null) {
      throw Errors.unknownTable(name, byName.keySet());
    }

    return table;
  }

  public int indexOf(String name) {
    return tables.indexOf(table(name));
  }

  /**
   * The type of output column {@code column} of {@code table}: a foreign key has its parent key's
   * type, an ordinal and a sequence's order their own.
   */
  public DataType type(String table, String column) {
    Table entry = table(table);
    ForeignKey key = entry.foreignKey(column);
    if (key != null) {
      String parentKey = key.parentKeys().get(key.columns().indexOf(column));
      Table parent = table(key.parentTable());
      return parent.model().columnNames().contains(parentKey)
          ? parent.model().column(parentKey).type()
          : type(parent.name(), parentKey);
    }

    if (entry.ordinal() != null && entry.ordinal().column().equals(column)) {
      return entry.ordinal().type();
    }

    if (entry.sequence() != null && entry.sequence().order().equals(column)) {
      return entry.sequence().orderType();
    }

    for (RunningBalance balance :
        entry.sequence() == null ? List.<RunningBalance>of() : entry.sequence().balances()) {
      if (balance.column().equals(column)) {
        return balance.type();
      }
    }

    return entry.model().column(column).type();
  }

  /** The tables without a parent, each the root of the tables generated beside it. */
  public List<Table> roots() {
    return tables.stream().filter(table -> table.parent() == null).toList();
  }

  /** The tables whose parent is {@code name}, in set order. */
  public List<Table> children(String name) {
    return tables.stream().filter(table -> name.equals(table.parent())).toList();
  }

  /** The root of the tree {@code name} belongs to. */
  public Table root(String name) {
    Table table = table(name);
    while (table.parent() != null) {
      table = table(table.parent());
    }

    return table;
  }

  public Map<String, String> properties() {
    return properties;
  }
}
