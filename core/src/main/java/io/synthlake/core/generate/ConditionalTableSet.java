package io.synthlake.core.generate;

import io.synthlake.core.Setting;
import io.synthlake.core.SynthlakeException;
import io.synthlake.core.generate.Condition.Term;
import io.synthlake.core.model.GaussianCopulaMixture;
import io.synthlake.core.model.ParentLink;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.model.TableSet;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A set of related tables in which every row of one table satisfies a {@link Condition}, drawn by
 * construction as {@link ConditionalModel} draws one table's rows. The condition names columns of
 * that one table ({@code customers.segment}, or {@code segment} when no other table has such a
 * column).
 *
 * <ul>
 *   <li>On a root table, its rows come from its conditional model; the counts of children and the
 *       scores their components follow are among the rows drawn, so every descendant follows the
 *       conditioned parents as it follows any parents.
 *   <li>On a child table, the parents stay as they are. A child of a parent in component c with
 *       scores z falls in component k with probability proportional to {@code transitions[c][k] ·
 *       N(z; k) · P(condition | k)}, the conditional law of the link given that the child satisfies
 *       the condition, and its columns are then drawn from component k's conditional law. When no
 *       component a parent's children come from can satisfy the condition, that parent's children
 *       are drawn from the components that can, by their weights. The table's own children follow
 *       from its conditioned rows.
 * </ul>
 *
 * The set returned is for generation only: its conditioned model has no file form.
 */
public final class ConditionalTableSet {
  private ConditionalTableSet() {}

  /** Parses {@code where} and conditions {@code set} on it. */
  public static TableSet of(TableSet set, String where) {
    return of(set, Condition.parse(where));
  }

  /**
   * The set with the table {@code condition} names conditioned on it; fails in one line naming the
   * column when a name is unknown or ambiguous, names columns of two tables, or names a column that
   * keys, orders or links rows, and when the condition has probability 0.
   */
  public static TableSet of(TableSet set, Condition condition) {
    String name = null;
    List<Term> terms = new ArrayList<>();
    for (Term term : condition.terms()) {
      Column column = resolve(set, term);
      if (name != null && !name.equals(column.table().name())) {
        throw SynthlakeException.of(
            "%s: the condition names columns of tables '%s' and '%s'; a condition on a set of"
                + " related tables names columns of one table (its related tables follow from"
                + " it): keep the terms of one of them",
            Setting.WHERE, name, column.table().name());
      }

      name = column.table().name();
      terms.add(term.of(column.name()));
    }

    TableSet.Table table = set.table(name);
    ConditionalModel.Conditioned conditioned =
        ConditionalModel.conditioned(table.model(), Condition.of(terms));
    ParentLink link =
        table.link() == null
            ? null
            : weighedLink(table.link(), table.model(), conditioned.dependence());
    List<TableSet.Table> tables = new ArrayList<>();
    for (TableSet.Table each : set.tables()) {
      tables.add(
          each != table
              ? each
              : new TableSet.Table(
                  each.name(),
                  conditioned.model(),
                  each.columns(),
                  each.inputRows(),
                  link,
                  each.foreignKeys(),
                  each.ordinal(),
                  each.sequence()));
    }

    return TableSet.of(tables, set.properties());
  }

  private record Column(TableSet.Table table, String name) {}

  /**
   * The table and column a term names: qualified, or the one table with an output column of that
   * name (exactly, else in another case).
   */
  private static Column resolve(TableSet set, Term term) {
    SynthlakeException.check(
        !TableSet.isHidden(term.column()),
        "%s: the condition names column '%s', a hidden column the model draws to generate related"
            + " tables, never written; condition on the tables' own columns",
        Setting.WHERE,
        SynthlakeException.shown(term.column()));
    List<Column> found = new ArrayList<>();
    if (term.table() != null) {
      TableSet.Table table = tableNamed(set, term);
      Column column = columnOf(table, term.column());
      SynthlakeException.check(
          column != null,
          "%s: the condition names column '%s' of table '%s', which has no such column; its"
              + " columns are %s",
          Setting.WHERE,
          SynthlakeException.shown(term.column()),
          table.name(),
          table.columns().stream()
              .map(c -> SynthlakeException.shown(c, 60))
              .collect(Collectors.joining(", ")));
      found.add(column);
    } else {
      for (TableSet.Table table : set.tables()) {
        Column column = columnOf(table, term.column());
        if (column != null) {
          found.add(column);
        }
      }

      SynthlakeException.check(
          !found.isEmpty(),
          "%s: the condition names column '%s', which no table of the set has; the columns it"
              + " may name are %s",
          Setting.WHERE,
          SynthlakeException.shown(term.column()),
          SynthlakeException.shown(conditionable(set), 300));
      SynthlakeException.check(
          found.size() == 1,
          "%s: the condition names column '%s', which tables %s all have; qualify it with its"
              + " table, such as '%s.%s'",
          Setting.WHERE,
          SynthlakeException.shown(term.column()),
          found.stream().map(c -> "'" + c.table().name() + "'").collect(Collectors.joining(", ")),
          found.get(0).table().name(),
          SynthlakeException.shown(found.get(0).name()));
    }

    Column column = found.get(0);
    String reason = reason(column.table(), column.name());
    if (reason != null) {
      throw SynthlakeException.of(
          "%s: the condition names column '%s' of table '%s', which is %s; generated keys and"
              + " the columns that order or link rows cannot be conditioned, so condition on"
              + " other columns",
          Setting.WHERE, SynthlakeException.shown(column.name()), column.table().name(), reason);
    }

    return column;
  }

  /** The columns a condition may name, as table.column. */
  private static String conditionable(TableSet set) {
    List<String> names = new ArrayList<>();
    for (TableSet.Table table : set.tables()) {
      for (String column : table.columns()) {
        if (reason(table, column) == null) {
          names.add(table.name() + "." + column);
        }
      }
    }

    return names.isEmpty() ? "none" : String.join(", ", names);
  }

  /** The table a qualified term names: exactly, else the one whose name differs only in case. */
  private static TableSet.Table tableNamed(TableSet set, Term term) {
    List<TableSet.Table> alike = new ArrayList<>();
    for (TableSet.Table table : set.tables()) {
      if (table.name().equals(term.table())) {
        return table;
      }

      if (table.name().equalsIgnoreCase(term.table())) {
        alike.add(table);
      }
    }

    SynthlakeException.check(
        alike.size() == 1,
        "%s: the condition names table '%s', which the set does not hold; its tables are %s",
        Setting.WHERE,
        SynthlakeException.shown(term.table()),
        String.join(", ", set.names()));
    return alike.get(0);
  }

  /** The output column of {@code table} named {@code name}, exactly or else in another case. */
  private static Column columnOf(TableSet.Table table, String name) {
    if (table.columns().contains(name)) {
      return new Column(table, name);
    }

    List<String> alike = table.columns().stream().filter(c -> c.equalsIgnoreCase(name)).toList();
    return alike.size() == 1 ? new Column(table, alike.get(0)) : null;
  }

  /**
   * Why a condition may not name output column {@code column} of {@code table}: what edge cases
   * leave alone (keys, foreign keys, ordinals, sequence orders, balances), and a column a sequence
   * carries from row to row, whose values the rows before move.
   */
  private static String reason(TableSet.Table table, String column) {
    String reason = TableSetSampler.reason(table, column);
    TableSet.Sequence sequence = table.sequence();
    if (reason == null
        && sequence != null
        && (sequence.processes().containsKey(column)
            || sequence.seasons().containsKey(column)
            || sequence.transitions().containsKey(column))) {
      return "carried along its sequence from row to row (each value moves from the row before"
          + " it), so a draw inside the condition would not stay inside it";
    }

    return reason;
  }

  /**
   * The link that draws a child's component given that the child satisfies the condition: each
   * transition weighed by the component's share of the condition's box.
   */
  private static ParentLink weighedLink(
      ParentLink link, TableModel model, ConditionedMixture dependence) {
    int components = link.componentCount();
    double[] share = new double[components];
    double[] weights = ((GaussianCopulaMixture) model.dependence()).weights();
    double[] fallback = new double[components];
    for (int k = 0; k < components; k++) {
      share[k] = dependence.boxProbability(k);
      fallback[k] = weights[k] * share[k];
    }

    double[][] transitions = new double[link.parentComponentCount()][];
    double[][] means = new double[components][];
    double[][] variances = new double[components][];
    for (int c = 0; c < transitions.length; c++) {
      double[] row = link.transitions(c);
      for (int k = 0; k < components; k++) {
        row[k] *= share[k];
      }

      transitions[c] = normalized(row) ? row : normalize(fallback.clone());
    }

    for (int k = 0; k < components; k++) {
      means[k] = link.means(k);
      variances[k] = link.variances(k);
    }

    return ParentLink.of(transitions, means, variances);
  }

  /** Whether {@code row} has weight; if so, scales it in place to sum to 1. */
  private static boolean normalized(double[] row) {
    double total = 0;
    for (double value : row) {
      total += value;
    }

    if (!(total > 0)) {
      return false;
    }

    for (int k = 0; k < row.length; k++) {
      row[k] /= total;
    }

    return true;
  }

  private static double[] normalize(double[] row) {
    normalized(row);
    return row;
  }
}
