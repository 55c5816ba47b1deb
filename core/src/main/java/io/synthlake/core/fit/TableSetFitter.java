package io.synthlake.core.fit;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.SynthlakeVersion;
import io.synthlake.core.model.GaussianCopulaMixture;
import io.synthlake.core.model.KeyAffinity;
import io.synthlake.core.model.ParentLink;
import io.synthlake.core.model.Popularity;
import io.synthlake.core.model.RunningBalance;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.model.TableSet;
import io.synthlake.core.types.ColumnKind;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fits a {@link TableSet} to samples of related tables. Each table's first foreign key names its
 * parent; parents are fitted first, with one hidden count column per child table (how many child
 * rows each parent row has), so that fan-out is part of the parent's copula and depends on its
 * other columns. A child's rows are then clustered on their own normal scores joined with their
 * parent's, and the {@link ParentLink} records which parents each child component had. Further
 * foreign keys keep their parents' popularity ({@link Popularity}).
 *
 * <p>The samples must hold every child row of each sampled parent row (the Spark side samples
 * parents and takes their children), or the counts are too low.
 */
public final class TableSetFitter {
  private TableSetFitter() {}

  /**
   * A foreign key as the user declared it: {@code child.columns} hold values of {@code
   * parent.keys}. Several columns make a composite key: the parent's own foreign key to its parent,
   * then a column numbering its rows within that parent (an order line's order id and line number).
   */
  public record Relation(String child, List<String> columns, String parent, List<String> keys) {
    public Relation {
      columns = List.copyOf(columns);
      keys = List.copyOf(keys);
    }

    /** A one-column relation. */
    public Relation(String child, String column, String parent, String key) {
      this(child, List.of(column), parent, List.of(key));
    }

    /** The first (for a one-column key, the only) foreign key column. */
    public String column() {
      return columns.get(0);
    }

    /** The first (for a one-column key, the only) parent key column. */
    public String key() {
      return keys.get(0);
    }

    public boolean isComposite() {
      return columns.size() > 1;
    }

    @Override
    public String toString() {
      return child + "." + String.join(",", columns) + "=" + parent + "." + String.join(",", keys);
    }

    /**
     * Reads {@code child.column=parent.key}, or {@code child.a,b=parent.x,y} for a composite key;
     * table names hold no dot, so a column name may.
     *
     * @param where what to name in an error (a flag or an option)
     */
    public static Relation parse(String text, String where) {
      String[] sides = text.split("=", -1);
      int childDot = sides[0].indexOf('.');
      int parentDot = sides.length == 2 ? sides[1].indexOf('.') : -1;
      SynthlakeException.check(
          sides.length == 2
              && childDot > 0
              && childDot < sides[0].length() - 1
              && parentDot > 0
              && parentDot < sides[1].length() - 1,
          "%s: '%s' is not a relation; write it as child.column=parent.key, for example "
              + "orders.customer_id=customers.id (or child.a,b=parent.x,y for a composite key)",
          where,
          SynthlakeException.shown(text));
      List<String> columns = names(sides[0].substring(childDot + 1));
      List<String> keys = names(sides[1].substring(parentDot + 1));
      SynthlakeException.check(
          columns.size() == keys.size() && !columns.contains("") && !keys.contains(""),
          "%s: '%s' pairs %d columns with %d keys; a composite key lists as many child columns as "
              + "parent columns, for example shipments.order_id,line=lines.order_id,line",
          where,
          SynthlakeException.shown(text),
          columns.size(),
          keys.size());
      return new Relation(
          sides[0].substring(0, childDot).trim(),
          columns,
          sides[1].substring(0, parentDot).trim(),
          keys);
    }

    private static List<String> names(String text) {
      return Arrays.stream(text.split(",", -1)).map(String::trim).toList();
    }
  }

  /**
   * Checks {@code relations} against the tables' column names ({@code tableColumns}, by table),
   * before any data is read: every table and column exists, no cycle. Returns the tables in the
   * order they are fitted and sampled, every referenced table before the tables that reference it.
   */
  public static List<String> checkRelations(
      Map<String, List<String>> tableColumns, List<Relation> relations) {
    return RelationGraph.check(tableColumns, relations);
  }

  /**
   * One table to fit: its sample, the rows of the whole input and its fit settings. {@code
   * complete} says the sample is the whole table: only then is a further foreign key that matches
   * none of its rows an orphan (otherwise its parent may simply not have been sampled, and the row
   * is left out of the popularity count only).
   */
  public record Input(
      String name, SampleTable sample, long inputRows, FitSettings settings, boolean complete) {
    /** A table whose sample is the whole table. */
    public Input(String name, SampleTable sample, long inputRows, FitSettings settings) {
      this(name, sample, inputRows, settings, true);
    }
  }

  /** The fitted set and the warnings met on the way. */
  public record Result(TableSet set, List<String> warnings) {
    public Result {
      warnings = List.copyOf(warnings);
    }
  }

  public static Result fit(
      List<Input> inputs,
      List<Relation> relations,
      OrphanPolicy orphans,
      ScoreClusterer clusterer) {
    return fit(inputs, relations, Map.of(), orphans, clusterer);
  }

  /**
   * Fits the tables; each table named in {@code orders} is a sequence within its parent, ordered by
   * the column it maps to.
   */
  public static Result fit(
      List<Input> inputs,
      List<Relation> relations,
      Map<String, String> orders,
      OrphanPolicy orphans,
      ScoreClusterer clusterer) {
    Map<String, Input> byName = new LinkedHashMap<>();
    for (Input input : inputs) {
      SynthlakeException.check(
          byName.put(input.name(), input) == null,
          "table '%s' is given twice: give each table " + "once, under a name of its own",
          input.name());
    }

    RelationGraph graph = RelationGraph.of(byName, relations);
    checkOrders(byName, graph, orders);
    List<String> warnings = new ArrayList<>();
    Map<String, Fitted> fitted = new HashMap<>();
    List<TableSet.Table> tables = new ArrayList<>();
    for (String name : graph.order()) {
      Input input = byName.get(name);
      int[] kept = keptRows(input, graph, fitted, byName, orphans, warnings);
      Fitted table = fitTable(input, kept, graph, fitted, byName, orders, clusterer, warnings);
      fitted.put(name, table);
      warnings.addAll(prefixed(name, table.rows.result().warnings()));
      tables.add(table.table);
    }

    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("created-by", "synthlake " + SynthlakeVersion.current());
    properties.put(
        "relations", String.join(", ", relations.stream().map(Relation::toString).toList()));
    return new Result(TableSet.of(tables, properties), warnings);
  }

  /**
   * Each sequence table exists and has a numeric order column; one with a parent is its entity's
   * history, one without a single series.
   */
  private static void checkOrders(
      Map<String, Input> inputs, RelationGraph graph, Map<String, String> orders) {
    orders.forEach(
        (table, order) -> {
          SynthlakeException.check(
              inputs.containsKey(table),
              "sequence '%s' names no table to fit (%s): fix the name",
              table,
              String.join(", ", inputs.keySet()));
          List<String> names =
              inputs.get(table).sample().columns().stream().map(SampleColumn::name).toList();
          SynthlakeException.check(
              names.contains(order),
              "table '%s' has no order column '%s'; its columns are %s",
              table,
              order,
              String.join(", ", names));
          SampleColumn column = column(inputs.get(table).sample(), order);
          SynthlakeException.check(
              !column.isString() && column.type().logicalType().isNumeric(),
              "table '%s': order column '%s' is %s; order a sequence by a date, a timestamp or a "
                  + "number",
              table,
              order,
              column.type());
        });
  }

  private static List<String> prefixed(String table, List<String> warnings) {
    return warnings.stream().map(warning -> "table '" + table + "': " + warning).toList();
  }

  /**
   * A fitted table: its set entry, its kept sample rows, their components and scores, and each
   * row's key value.
   */
  private record Fitted(
      TableSet.Table table,
      int[] kept,
      ModelFitter.FittedRows rows,
      Map<List<String>, Map<Object, Integer>> keyRows) {
    /** The kept row holding each value of the key over {@code key}'s columns. */
    Map<Object, Integer> rowsOf(List<String> key) {
      return keyRows.get(key);
    }
  }

  /**
   * The sample rows of {@code input} whose every foreign key finds a kept parent row; the others
   * are orphans, dropped or refused.
   */
  private static int[] keptRows(
      Input input,
      RelationGraph graph,
      Map<String, Fitted> fitted,
      Map<String, Input> inputs,
      OrphanPolicy orphans,
      List<String> warnings) {
    SampleTable sample = input.sample();
    boolean[] orphan = new boolean[sample.rows()];
    for (Relation relation : graph.foreignKeys(input.name())) {
      if (relation != graph.parentRelation(input.name())
          && !inputs.get(relation.parent()).complete()) {
        continue; // a further parent that was sampled: an unmatched key may point at a row outside
        // the sample
      }

      List<SampleColumn> columns = columns(sample, relation.columns());
      Map<Object, Integer> parentRows = fitted.get(relation.parent()).rowsOf(relation.keys());
      int count = 0;
      for (int row = 0; row < sample.rows(); row++) {
        if (!parentRows.containsKey(KeyValues.of(columns, row))) {
          orphan[row] = true;
          count++;
        }
      }

      if (count == 0) {
        continue;
      }

      SynthlakeException.check(
          orphans == OrphanPolicy.DROP,
          "table '%s': %d of %d rows have a %s that matches no "
              + "row of '%s' (orphans): fix the data, or drop them from the fit (drop orphans)",
          input.name(),
          count,
          sample.rows(),
          relation,
          relation.parent());
      warnings.add(
          String.format(
              "table '%s': %d of %d rows have a %s that matches no row of '%s'; left out of the fit",
              input.name(), count, sample.rows(), relation, relation.parent()));
    }

    int keptCount = 0;
    for (boolean o : orphan) {
      keptCount += o ? 0 : 1;
    }

    SynthlakeException.check(
        keptCount > 0,
        "table '%s': none of its %d rows matches a parent row, so there is "
            + "nothing to fit: check the relations and that the tables come from the same data",
        input.name(),
        sample.rows());
    int[] kept = new int[keptCount];
    for (int row = 0, next = 0; row < orphan.length; row++) {
      if (!orphan[row]) {
        kept[next++] = row;
      }
    }

    return kept;
  }

  private static Fitted fitTable(
      Input input,
      int[] keptRows,
      RelationGraph graph,
      Map<String, Fitted> fitted,
      Map<String, Input> inputs,
      Map<String, String> orders,
      ScoreClusterer clusterer,
      List<String> warnings) {
    SampleTable sample = input.sample();
    String order = orders.get(input.name());
    Relation parentRelation = graph.parentRelation(input.name());
    // A sequence's rows in order within each entity: the gaps and the processes read them so.
    int[] kept =
        order == null
            ? keptRows
            : SequenceFitting.ordered(
                input.name(),
                column(sample, order),
                keptRows,
                parentRelation == null
                    ? new int[keptRows.length] // a single series: one entity
                    : referencedRows(
                        sample, keptRows, parentRelation, fitted.get(parentRelation.parent())),
                input.settings().orderPolicy(),
                warnings);

    List<Relation> foreignKeys = graph.foreignKeys(input.name());
    Set<String> foreignColumns = new LinkedHashSet<>();
    foreignKeys.forEach(relation -> foreignColumns.addAll(relation.columns()));
    Set<List<String>> referencedKeys = graph.referencedKeys(input.name());
    TableSet.Ordinal ordinal = null;
    if (parentRelation != null) {
      Set<String> excluded = new LinkedHashSet<>(foreignColumns);
      referencedKeys.forEach(excluded::addAll);
      if (order != null) {
        excluded.add(order); // a sequence's order is written from its start and gaps
      }

      ordinal =
          Ordinals.find(
              input.name(),
              sample,
              kept,
              columns(sample, parentRelation.columns()),
              excluded,
              graph.requiredOrdinal(input.name()));
    }

    // Columns written from keys, positions and gaps rather than drawn: the model leaves them out.
    Set<String> written = new LinkedHashSet<>(foreignColumns);
    if (ordinal != null) {
      written.add(ordinal.column());
    }

    if (order != null) {
      written.add(order);
    }

    // A history's balances are written from their opening values and moves; the parent's fit drew
    // the openings, so only balances whose opening column it has are kept.
    int[] parentRows =
        parentRelation == null
            ? new int[order == null ? 0 : kept.length]
            : referencedRows(sample, kept, parentRelation, fitted.get(parentRelation.parent()));
    List<BalanceFitting.Found> balances = new ArrayList<>();
    if (order != null && parentRelation != null) {
      int[] entityOf = new int[sample.rows()];
      Arrays.fill(entityOf, -1);
      for (int i = 0; i < kept.length; i++) {
        entityOf[kept[i]] = parentRows[i];
      }

      List<String> openings = fitted.get(parentRelation.parent()).table().model().columnNames();
      for (BalanceFitting.Found found :
          BalanceFitting.find(
              sample,
              column(sample, order),
              entityOf,
              balanceExcluded(input.name(), graph, orders))) {
        if (openings.contains(RunningBalance.startColumn(input.name(), found.column()))) {
          balances.add(found);
          written.add(found.column());
        }
      }
    }

    // The modelled columns: the table's own, then one count column per child table.
    List<SampleColumn> columns = new ArrayList<>();
    Map<String, ColumnKind> kinds = new LinkedHashMap<>();
    for (SampleColumn column : sample.columns()) {
      if (!written.contains(column.name())) {
        columns.add(SampleRows.select(column, kept));
      }
    }

    Map<List<String>, Map<Object, Integer>> keyRows = new HashMap<>();
    for (List<String> key : referencedKeys) {
      if (key.size() == 1) {
        kinds.put(key.get(0), ColumnKind.KEY);
      }

      List<SampleColumn> keyColumns = new ArrayList<>();
      columns(sample, key).forEach(column -> keyColumns.add(SampleRows.select(column, kept)));
      keyRows.put(key, uniqueKeys(input.name(), keyColumns));
    }

    for (String child : graph.children(input.name())) {
      Relation relation = graph.parentRelation(child);
      SampleTable childSample = inputs.get(child).sample();
      columns.add(childCounts(childSample, relation, keyRows.get(relation.keys()), kept.length));
      kinds.put(TableSet.countColumn(child), ColumnKind.INTEGER);
      String childOrder = orders.get(child);
      if (childOrder != null) {
        SampleColumn orderColumn = column(childSample, childOrder);
        int[] childParents = parentOf(childSample, relation, keyRows.get(relation.keys()));
        columns.add(
            SequenceFitting.starts(
                child, orderColumn, childParents, kept.length, orderColumn.type()));
        // Each history's opening balance, drawn with the parent's other columns.
        for (BalanceFitting.Found found :
            BalanceFitting.find(
                childSample, orderColumn, childParents, balanceExcluded(child, graph, orders))) {
          columns.add(
              SampleColumn.numbers(
                  RunningBalance.startColumn(child, found.column()),
                  found.type(),
                  BalanceFitting.openings(
                      childSample, found, orderColumn, childParents, kept.length),
                  new boolean[kept.length]));
        }
      }
    }

    int monthDay = 0;
    if (order != null) {
      SampleColumn orderColumn = column(sample, order);
      monthDay = SequenceFitting.monthDay(orderColumn, kept, parentRows);
      columns.add(
          SequenceFitting.gaps(
              monthDay > 0 ? SequenceFitting.months(orderColumn) : orderColumn, kept, parentRows));
    }

    // A child is clustered on its scores joined with its parent's, and with those of the root
    // tables its further keys reference, so that its components carry the kinds of the rows it
    // references.
    Fitted parent = parentRelation == null ? null : fitted.get(parentRelation.parent());
    List<double[][]> contexts = new ArrayList<>();
    if (parent != null) {
      contexts.add(gather(parent.rows().varyingScores(), parentRows));
    }

    Map<Relation, int[]> furtherRows = new HashMap<>();
    for (Relation relation : foreignKeys) {
      Fitted referenced = fitted.get(relation.parent());
      if (relation != parentRelation) {
        furtherRows.put(relation, referencedRows(sample, kept, relation, referenced));
        if (affinityMixture(relation, referenced, graph) != null) {
          contexts.add(gather(referenced.rows().varyingScores(), furtherRows.get(relation)));
        }
      }
    }

    ModelFitter.FittedRows rows =
        ModelFitter.fitRows(
            SampleTable.of(columns),
            input.settings().withKinds(kinds),
            clusterer,
            contexts.stream().flatMap(Arrays::stream).toArray(double[][]::new),
            order != null);
    ParentLink link = parent == null ? null : link(rows.components(), parent.rows(), parentRows);
    List<TableSet.ForeignKey> keys = new ArrayList<>();
    for (Relation relation : foreignKeys) {
      keys.add(
          relation == parentRelation
              ? new TableSet.ForeignKey(
                  relation.columns(), relation.parent(), relation.keys(), null, null)
              : furtherKey(
                  rows, relation, fitted.get(relation.parent()), furtherRows.get(relation), graph));
    }

    List<String> modelled = rows.result().model().columnNames();
    List<String> output = new ArrayList<>();
    for (SampleColumn column : sample.columns()) {
      if (written.contains(column.name()) || modelled.contains(column.name())) {
        output.add(column.name());
      }
    }

    TableModel model = rows.result().model();
    TableSet.Sequence sequence = null;
    if (order != null) {
      SampleColumn orderColumn = column(sample, order);
      double[] times = Arrays.stream(kept).mapToDouble(orderColumn::number).toArray();
      List<RunningBalance> running =
          balances.stream().map(found -> found.balance(input.name())).toList();
      SequenceDynamics.Dynamics dynamics =
          SequenceDynamics.dynamics(
              input.name(),
              order,
              orderColumn.type(),
              rows,
              times,
              parentRows,
              monthDay,
              parentRelation == null,
              warnings);
      model = dynamics.model();
      sequence = dynamics.sequence().withBalances(running);
    }

    TableSet.Table table =
        new TableSet.Table(
            input.name(),
            model,
            output,
            Math.max(input.inputRows(), sample.rows()),
            link,
            keys,
            ordinal,
            sequence);
    return new Fitted(table, kept, rows, keyRows);
  }

  /** The columns of a history that are neither balances nor their moves: its keys and order. */
  private static Set<String> balanceExcluded(
      String table, RelationGraph graph, Map<String, String> orders) {
    Set<String> excluded = new LinkedHashSet<>();
    graph.foreignKeys(table).forEach(relation -> excluded.addAll(relation.columns()));
    graph.referencedKeys(table).forEach(excluded::addAll);
    excluded.add(orders.get(table));
    return excluded;
  }

  /**
   * The parent row of each key value; refuses a key with nulls or repeats, which cannot be joined
   * on.
   */
  private static Map<Object, Integer> uniqueKeys(String table, List<SampleColumn> key) {
    String names = String.join(",", key.stream().map(SampleColumn::name).toList());
    String what = key.size() == 1 ? "key column" : "key columns";
    Map<Object, Integer> rows = new HashMap<>();
    for (int row = 0; row < key.get(0).size(); row++) {
      Object value = KeyValues.of(key, row);
      SynthlakeException.check(
          value != null,
          "table '%s': %s '%s' is null in some rows, so children cannot "
              + "reference them: give every row a key, or name another key column",
          table,
          what,
          names);
      Integer before = rows.put(value, row);
      SynthlakeException.check(
          before == null,
          "table '%s': %s '%s' holds %s in more than one row, so a "
              + "child's key cannot tell its parent: name a column that is unique in '%s'",
          table,
          what,
          names,
          SynthlakeException.shown(value),
          table);
    }

    return rows;
  }

  /** The hidden count column: how many (non-orphan) rows of the child each kept parent row has. */
  private static SampleColumn childCounts(
      SampleTable child, Relation relation, Map<Object, Integer> parentRows, int parents) {
    double[] counts = new double[parents];
    for (int parent : parentOf(child, relation, parentRows)) {
      if (parent >= 0) {
        counts[parent]++;
      }
    }

    return SampleColumn.numbers(
        TableSet.countColumn(relation.child()),
        DataType.of(LogicalType.LONG),
        counts,
        new boolean[parents]);
  }

  /** Each child sample row's parent among the kept parent rows, or -1 for an orphan. */
  private static int[] parentOf(
      SampleTable child, Relation relation, Map<Object, Integer> parentRows) {
    List<SampleColumn> foreign = columns(child, relation.columns());
    int[] parents = new int[child.rows()];
    for (int row = 0; row < child.rows(); row++) {
      Integer parent = parentRows.get(KeyValues.of(foreign, row));
      parents[row] = parent == null ? -1 : parent;
    }

    return parents;
  }

  /** {@code values[j][rows[r]]} as {@code [j][r]}; 0, the mean score, where a row is -1. */
  private static double[][] gather(double[][] values, int[] rows) {
    double[][] gathered = new double[values.length][rows.length];
    for (int j = 0; j < values.length; j++) {
      for (int r = 0; r < rows.length; r++) {
        gathered[j][r] = rows[r] < 0 ? 0 : values[j][rows[r]];
      }
    }

    return gathered;
  }

  /**
   * The link from the parents' components and within-component scores to the children's components:
   * for each parent component the shares of its children's components (the overall shares where its
   * rows have no children), and for each child component the mean and variance of its parents'
   * within-component scores.
   */
  static ParentLink link(int[] components, ModelFitter.FittedRows parent, int[] parentRows) {
    int count = 1;
    for (int component : components) {
      count = Math.max(count, component + 1);
    }

    int parentCount = 1;
    for (int component : parent.components()) {
      parentCount = Math.max(parentCount, component + 1);
    }

    double[] overall = new double[count];
    double[][] transitions = new double[parentCount][count];
    for (int r = 0; r < components.length; r++) {
      overall[components[r]]++;
      transitions[parent.components()[parentRows[r]]][components[r]]++;
    }

    normalize(overall);
    for (int c = 0; c < parentCount; c++) {
      if (!normalize(transitions[c])) {
        transitions[c] = overall.clone();
      }
    }

    double[][] scores = gather(parent.componentScores(), parentRows);
    int d = count == 1 ? 0 : scores.length;
    double[] sizes = new double[count];
    double[][] means = new double[count][d];
    double[][] variances = new double[count][d];
    for (int r = 0; r < components.length; r++) {
      int k = components[r];
      sizes[k]++;
      for (int j = 0; j < d; j++) {
        means[k][j] += scores[j][r];
      }
    }

    for (int k = 0; k < count; k++) {
      for (int j = 0; j < d; j++) {
        means[k][j] /= sizes[k];
      }
    }

    for (int r = 0; r < components.length; r++) {
      int k = components[r];
      for (int j = 0; j < d; j++) {
        double deviation = scores[j][r] - means[k][j];
        variances[k][j] += deviation * deviation;
      }
    }

    for (int k = 0; k < count; k++) {
      for (int j = 0; j < d; j++) {
        variances[k][j] =
            Math.min(1e6, Math.max(ParentLink.MIN_VARIANCE, variances[k][j] / sizes[k]));
      }
    }

    return ParentLink.of(transitions, means, variances);
  }

  /** Scales {@code shares} to sum to 1; false when they sum to 0. */
  private static boolean normalize(double[] shares) {
    double total = 0;
    for (double share : shares) {
      total += share;
    }

    for (int i = 0; i < shares.length && total > 0; i++) {
      shares[i] /= total;
    }

    return total > 0;
  }

  /**
   * Each kept row's referenced row among {@code referenced}'s kept rows, or -1 where the key
   * matches none (a further key into a sampled table).
   */
  private static int[] referencedRows(
      SampleTable sample, int[] kept, Relation relation, Fitted referenced) {
    List<SampleColumn> foreign = columns(sample, relation.columns());
    Map<Object, Integer> keyRows = referenced.rowsOf(relation.keys());
    int[] rows = new int[kept.length];
    for (int r = 0; r < kept.length; r++) {
      Integer row = keyRows.get(KeyValues.of(foreign, kept[r]));
      rows[r] = row == null ? -1 : row;
    }

    return rows;
  }

  /**
   * The mixture of the table a further key references when the key can depend on its components: a
   * root table (whose rows' components generation can draw again) of several components; else null.
   */
  private static GaussianCopulaMixture affinityMixture(
      Relation relation, Fitted referenced, RelationGraph graph) {
    return graph.parentRelation(relation.parent()) == null
            && referenced.table().model().dependence() instanceof GaussianCopulaMixture mixture
            && mixture.componentCount() > 1
        ? mixture
        : null;
  }

  /**
   * A further foreign key: how the kept rows spread over the referenced table's rows and, where
   * {@link #affinityMixture} allows, how the referenced row's component depends on the child's.
   */
  private static TableSet.ForeignKey furtherKey(
      ModelFitter.FittedRows rows,
      Relation relation,
      Fitted referenced,
      int[] referencedRows,
      RelationGraph graph) {
    long[] inDegrees = new long[referenced.kept().length];
    for (int row : referencedRows) {
      if (row >= 0) {
        inDegrees[row]++;
      }
    }

    GaussianCopulaMixture mixture = affinityMixture(relation, referenced, graph);
    KeyAffinity affinity =
        mixture == null
            ? null
            : KeyAffinities.fit(
                rows.components(),
                rows.result().model().dependence().componentCount(),
                referencedRows,
                referenced.rows().components(),
                mixture.weights(),
                inDegrees);
    return new TableSet.ForeignKey(
        relation.column(), relation.parent(), relation.key(), Popularity.fit(inDegrees), affinity);
  }

  static List<SampleColumn> columns(SampleTable sample, List<String> names) {
    return names.stream().map(name -> column(sample, name)).toList();
  }

  static SampleColumn column(SampleTable sample, String name) {
    for (SampleColumn column : sample.columns()) {
      if (column.name().equals(name)) {
        return column;
      }
    }

    throw new IllegalStateException("column '" + name + "' was checked to exist");
  }
}
