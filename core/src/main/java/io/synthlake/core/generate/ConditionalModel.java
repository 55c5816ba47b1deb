package io.synthlake.core.generate;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.generate.Condition.Term;
import io.synthlake.core.marginal.Marginal;
import io.synthlake.core.model.CategoricalColumn;
import io.synthlake.core.model.ColumnGroup;
import io.synthlake.core.model.ColumnModel;
import io.synthlake.core.model.Derivation;
import io.synthlake.core.model.GaussianCopulaMixture;
import io.synthlake.core.model.KeyColumn;
import io.synthlake.core.model.NumericColumn;
import io.synthlake.core.model.NumericDistribution;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.types.ColumnKind;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A table model whose rows all satisfy a {@link Condition}, drawn from the model's conditional
 * distribution given it: by construction, never by rejecting rows, so a condition of probability
 * one in a million costs what any other does. The columns are the model's own; only the dependence
 * changes (see {@link ConditionedMixture}), so {@link TableSampler} generates the rows as it does
 * any model's, and row i is a function of (model, condition, seed, i) whatever the partitioning.
 */
public final class ConditionalModel {
  private ConditionalModel() {}

  /**
   * The model conditioned on {@code condition}; fails with one line naming the column when a column
   * is unknown or a key, when the model gives the condition probability 0, or when the model's
   * dependence cannot be conditioned.
   */
  public static TableModel of(TableModel model, Condition condition) {
    return conditioned(model, condition).model;
  }

  /** Parses {@code where} and conditions {@code model} on it. */
  public static TableModel of(TableModel model, String where) {
    return of(model, Condition.parse(where));
  }

  /** The probability the unconditioned model gives {@code condition} (estimated, see above). */
  public static double probability(TableModel model, Condition condition) {
    return conditioned(model, condition).dependence.probability();
  }

  /** The conditioned model, and its dependence (which knows each component's share of the box). */
  record Conditioned(TableModel model, ConditionedMixture dependence) {}

  static Conditioned conditioned(TableModel model, Condition condition) {
    if (!(model.dependence() instanceof GaussianCopulaMixture)) {
      throw SynthlakeException.of(
          "the condition \"%s\" cannot apply: the model's dependence is %s, and only a plain "
              + "mixture of Gaussian copulas can be conditioned (a rebalanced model cannot; "
              + "condition the original model on the rebalanced column instead)",
          SynthlakeException.shown(condition.toString(), 200),
          model.dependence().getClass().getSimpleName());
    }

    GaussianCopulaMixture base = (GaussianCopulaMixture) model.dependence();
    Map<Integer, List<Term>> byColumn = new LinkedHashMap<>();
    for (Term term : condition.terms()) {
      if (term.table() != null) {
        throw SynthlakeException.of(
            "the condition names column '%s.%s', qualified with a table, but the model is one"
                + " table's; name the column alone ('%s')",
            SynthlakeException.shown(term.table()),
            SynthlakeException.shown(term.column()),
            SynthlakeException.shown(term.column()));
      }

      int column = resolve(model, term.column());
      byColumn.computeIfAbsent(column, c -> new ArrayList<>()).add(term);
    }

    double[] weights = base.weights();
    List<ColumnIntervals> columns = new ArrayList<>();
    Map<Integer, List<ColumnIntervals>> members = new LinkedHashMap<>();
    byColumn.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            entry -> {
              int column = entry.getKey();
              int group = model.groupOf(column);
              if (group < 0) {
                columns.add(
                    ColumnIntervals.of(
                        model.columns().get(column),
                        model.copulaIndex(column),
                        entry.getValue(),
                        weights));
              } else {
                List<ColumnIntervals> parts = members.get(group);
                if (parts == null) {
                  // The group's place among the conditioned columns: its first member's.
                  parts = new ArrayList<>();
                  members.put(group, parts);
                  columns.add(null);
                }

                parts.add(
                    ColumnIntervals.of(
                        memberView(model, column),
                        model.groupSlot(group),
                        entry.getValue(),
                        weights));
              }
            });
    // Terms on several members of one group select the tuples that hold them all.
    int next = 0;
    for (Map.Entry<Integer, List<ColumnIntervals>> group : members.entrySet()) {
      while (columns.get(next) != null) {
        next++;
      }

      columns.set(
          next,
          ColumnIntervals.together(
              group.getValue(), weights, model.groups().get(group.getKey()).members()));
    }

    ConditionedMixture dependence =
        new ConditionedMixture(base, columns.toArray(new ColumnIntervals[0]));
    if (!(dependence.probability() > 0)) {
      throw SynthlakeException.of(
          "the condition \"%s\" has probability 0 in the model: each column's terms can hold, "
              + "but never together in one mixture component (columns %s); loosen one of them",
          SynthlakeException.shown(condition.toString(), 200),
          columns.stream().map(c -> "'" + c.column + "'").collect(Collectors.joining(", ")));
    }

    List<ColumnModel> columnModels = new ArrayList<>(model.columns());
    for (int column : byColumn.keySet()) {
      if (columnModels.get(column) instanceof NumericColumn && model.groupOf(column) < 0) {
        columnModels.set(column, takingUniforms((NumericColumn) columnModels.get(column)));
      }
    }

    // Derived columns are still computed from their (conditioned) inputs.
    return new Conditioned(
        TableModel.of(columnModels, dependence, model.properties(), model.groups())
            .withDerivations(model.derivations()),
        dependence);
  }

  /**
   * The column with marginals that take uniforms, which map them monotonely (see {@link
   * UniformMarginal}); components that shared a marginal still share one.
   */
  private static NumericColumn takingUniforms(NumericColumn column) {
    Map<Marginal, Marginal> wrapped = new IdentityHashMap<>();
    List<NumericDistribution> components = new ArrayList<>();
    for (NumericDistribution distribution : column.components()) {
      Marginal marginal = distribution.marginal();
      components.add(
          marginal == null || !marginal.takesNormalScores()
              ? distribution
              : NumericDistribution.of(
                  distribution.nullShare(),
                  wrapped.computeIfAbsent(marginal, UniformMarginal::new)));
    }

    return NumericColumn.of(
            column.name(), column.type(), column.kind(), column.format(), components)
        .withTimeOfDay(column.timeOfDay());
  }

  /**
   * A group member seen as a categorical column over its group's tuples: one category a tuple, the
   * member's value in it, so a term on the member selects the intervals of the tuples that hold it
   * in the group's copula column.
   */
  private static CategoricalColumn memberView(TableModel model, int column) {
    ColumnGroup group = model.groups().get(model.groupOf(column));
    ColumnModel member = model.columns().get(column);
    List<String> values = group.values(group.members().indexOf(member.name()));
    if (values.contains(null)) {
      throw SynthlakeException.of(
          "condition on column '%s': it is drawn as one of its group's learned tuples (%s), some"
              + " of which hold a null, and such a group cannot be conditioned on it yet; condition"
              + " on other columns, or fit with --no-groups",
          SynthlakeException.shown(member.name()), String.join(", ", group.members()));
    }

    List<double[]> probabilities = new ArrayList<>();
    for (int k = 0; k < group.componentCount(); k++) {
      probabilities.add(group.probabilities(k));
    }

    return CategoricalColumn.of(
        member.name(),
        member.type(),
        ColumnKind.CATEGORICAL,
        values,
        probabilities,
        new double[group.componentCount()],
        null);
  }

  /** The column a term names: exactly, else the one column whose name differs only in case. */
  private static int resolve(TableModel model, String name) {
    List<ColumnModel> columns = model.columns();
    int found = -1;
    for (int i = 0; i < columns.size() && found < 0; i++) {
      found = columns.get(i).name().equals(name) ? i : -1;
    }

    for (int i = 0; i < columns.size() && found < 0; i++) {
      if (columns.get(i).name().equalsIgnoreCase(name)) {
        found = i;
      }
    }

    if (found < 0) {
      throw SynthlakeException.of(
          "the condition names column '%s', which the model does not have; its columns are %s",
          SynthlakeException.shown(name),
          columns.stream()
              .map(c -> SynthlakeException.shown(c.name(), 60))
              .collect(Collectors.joining(", ")));
    }

    ColumnModel column = columns.get(found);
    if (column instanceof KeyColumn) {
      throw SynthlakeException.of(
          "condition on column '%s': it is a key column, whose values are generated unique "
              + "identifiers rather than drawn from a distribution, so it cannot be conditioned; "
              + "condition on other columns",
          SynthlakeException.shown(column.name()));
    }

    for (Derivation derivation : model.derivations()) {
      if (derivation.target().equals(column.name())) {
        throw SynthlakeException.of(
            "condition on column '%s': it is derived (%s), computed from its inputs in every row, "
                + "so it cannot be conditioned; condition on its inputs instead",
            SynthlakeException.shown(column.name()),
            SynthlakeException.shown(derivation.formula(), 200));
      }
    }

    if (column instanceof NumericColumn && ((NumericColumn) column).timeOfDay() != null) {
      throw SynthlakeException.of(
          "condition on column '%s': its time of day is drawn apart from its date, so a term on"
              + " the whole timestamp cannot be held in every row; condition on other columns, or"
              + " fit the model again with --no-time-of-day",
          SynthlakeException.shown(column.name()));
    }

    // A group member has no copula column of its own: a term on it selects its group's tuples.
    if (!(column instanceof NumericColumn) && !(column instanceof CategoricalColumn)
        || model.copulaIndex(found) < 0 && model.groupOf(found) < 0) {
      throw SynthlakeException.of(
          "condition on column '%s': it is a %s column, which cannot be conditioned; condition "
              + "on the columns it is made from",
          SynthlakeException.shown(column.name()), column.kind().jsonName());
    }

    return found;
  }
}
