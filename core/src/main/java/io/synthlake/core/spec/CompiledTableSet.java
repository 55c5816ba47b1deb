package io.synthlake.core.spec;

import io.synthlake.core.Errors;
import io.synthlake.core.SynthlakeException;
import io.synthlake.core.math.Seeds;
import io.synthlake.core.model.ColumnModel;
import io.synthlake.core.model.ParentLink;
import io.synthlake.core.model.Popularity;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.model.TableSet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table-set spec that has been parsed and checked ({@link SpecCompiler#compileSet}), ready to
 * give its {@link TableSetSpec} for any seed and size. Thread-safe.
 */
public final class CompiledTableSet {
  private static final int TABLE_SEED_STREAM = 500;

  private final TableSetChecker.Plan plan;

  CompiledTableSet(TableSetChecker.Plan plan) {
    this.plan = plan;
  }

  /** The spec's path or name, as error messages give it. */
  public String source() {
    return plan.source();
  }

  /** The tables' names, every parent before its children. */
  public List<String> tables() {
    return plan.tables().stream().map(TableSetChecker.Table::name).toList();
  }

  /**
   * The set for one generation, sized as {@link io.synthlake.core.generate.TableSetLayout#rootRows}
   * sizes it: {@code rows} rows of {@code table} if it is a root, the other roots in the ratio of
   * their {@code rows}, children by their expected counts. Values written as {@code rows / k} and
   * Zipf popularity curves use each table's expected rows at this size.
   *
   * @param seed seeds Datafaker pools, so that a spec and a seed fix every generated value
   * @param table the table whose size {@code rows} sets
   * @param rows its rows, at least 1
   */
  public TableSetSpec build(long seed, String table, long rows) {
    TableSetChecker.Table asked = plan.table(table);
    if (asked == null) {
      throw Errors.unknownTable(table, tables());
    }

    SynthlakeException.check(rows > 0, "a table set needs a positive number of rows, got %d", rows);
    // The same arithmetic as TableSetLayout.rootRows on the set's input rows, which the generator
    // applies to the set built here.
    Map<String, Double> scale = new HashMap<>();
    for (TableSetChecker.Table each : plan.tables()) {
      if (each.parent() == null) {
        long rootRows =
            each == asked
                ? rows
                : Math.max(1, Math.round(rows * (double) inputRows(each) / inputRows(asked)));
        scale.put(each.name(), (double) rootRows / each.declaredRows());
      }
    }

    Map<String, Long> expected = new HashMap<>();
    for (TableSetChecker.Table each : plan.tables()) {
      double factor = scale.get(plan.root(each).name());
      expected.put(each.name(), Math.max(1, Math.round(each.referenceRows() * factor)));
    }

    Map<String, Spec> specs = new LinkedHashMap<>();
    List<TableSet.Table> tables = new ArrayList<>();
    for (TableSetChecker.Table each : plan.tables()) {
      Spec spec =
          SpecCompiler.named(
              plan.source(),
              () ->
                  SpecBuilder.build(
                      each.spec(), tableSeed(seed, each.name()), expected.get(each.name())));
      TableSet.Table built = table(each, spec.model(), tables, expected);
      tables.add(built);
      specs.put(each.name(), outputSpec(each, spec));
    }

    TableSet set = SpecCompiler.named(plan.source(), () -> TableSet.of(tables, plan.properties()));
    return new TableSetSpec(set, specs);
  }

  private static long inputRows(TableSetChecker.Table table) {
    return Math.max(1, Math.round(table.referenceRows()));
  }

  /** Faker pools of two tables differ even where their columns stand at the same place. */
  private static long tableSeed(long seed, String table) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : table.getBytes(StandardCharsets.UTF_8)) {
      hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
    }

    return Seeds.derive(seed, hash, TABLE_SEED_STREAM);
  }

  private TableSet.Table table(
      TableSetChecker.Table table,
      TableModel model,
      List<TableSet.Table> built,
      Map<String, Long> expected) {
    List<TableSet.ForeignKey> keys = new ArrayList<>();
    ParentLink link = null;
    if (table.parent() != null) {
      TableSetChecker.ForeignKey parent = table.parent();
      keys.add(new TableSet.ForeignKey(parent.column(), parent.table(), parent.key(), null));
      TableSetChecker.Table parentPlan = plan.table(parent.table());
      int parentComponents =
          built.stream()
              .filter(t -> t.name().equals(parent.table()))
              .findFirst()
              .orElseThrow()
              .model()
              .dependence()
              .componentCount();
      link =
          table.split() != null && table.split() == parentPlan.split()
              ? identity(parentComponents)
              : ParentLink.unlinked(parentComponents, table.spec().weights());
    }

    for (TableSetChecker.ForeignKey key : table.further()) {
      Popularity popularity =
          key.zipf() == 0
              ? ZipfPopularity.uniform()
              : ZipfPopularity.of(key.zipf(), expected.get(key.table()));
      keys.add(new TableSet.ForeignKey(key.column(), key.table(), key.key(), popularity));
    }

    List<String> columns = new ArrayList<>();
    for (ColumnModel column : model.columns()) {
      if (!TableSet.isHidden(column.name())) {
        columns.add(column.name());
      }
    }

    keys.forEach(key -> columns.add(key.column()));
    TableSet.Sequence sequence = null;
    if (table.sequence() != null) {
      sequence = table.sequence().sequence(model);
      columns.addAll(table.sequence().setColumns());
    }

    return new TableSet.Table(
        table.name(), model, columns, inputRows(table), link, keys, null, sequence);
  }

  /** A child row's component is its parent row's: both follow the same given column. */
  private static ParentLink identity(int components) {
    double[][] transitions = new double[components][components];
    for (int c = 0; c < components; c++) {
      transitions[c][c] = 1;
    }

    return ParentLink.of(transitions, new double[components][0], new double[components][0]);
  }

  /** The table's output: its columns in order, the foreign keys after the leading key columns. */
  private static Spec outputSpec(TableSetChecker.Table table, Spec spec) {
    List<String> order = new ArrayList<>();
    for (String column : spec.columnOrder()) {
      if (!TableSet.isHidden(column)) {
        order.add(column);
      }
    }

    int at = 0;
    while (at < order.size() && table.keys().contains(order.get(at))) {
      at++;
    }

    List<String> foreignKeys = new ArrayList<>();
    if (table.parent() != null) {
      foreignKeys.add(table.parent().column());
    }

    table.further().forEach(key -> foreignKeys.add(key.column()));
    order.addAll(at, foreignKeys);
    return new Spec(spec.model(), spec.derived(), order, spec.orderConstraints());
  }
}
