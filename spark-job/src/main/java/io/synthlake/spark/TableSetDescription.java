package io.synthlake.spark;

import io.synthlake.core.model.ColumnModel;
import io.synthlake.core.model.Derivation;
import io.synthlake.core.model.GaussianCopulaMixture;
import io.synthlake.core.model.NumericColumn;
import io.synthlake.core.model.NumericDistribution;
import io.synthlake.core.model.Popularity;
import io.synthlake.core.model.RunningBalance;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.model.TableSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A human-readable summary of a set of related tables: each table with its keys, and for each
 * parent how many children a row has (mean, share with none, the most), read from the hidden count
 * column's mixture; the text of {@link TableSetModel#describe()} and the CLI's {@code describe}.
 */
final class TableSetDescription {
  private static final int QUANTILES = 1000;

  private TableSetDescription() {}

  static String of(TableSet set) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "synthlake table set: %d tables%n", set.tables().size()));
    for (Map.Entry<String, String> property : set.properties().entrySet()) {
      out.append(String.format(Locale.ROOT, "  %s: %s%n", property.getKey(), property.getValue()));
    }

    for (TableSet.Table table : set.tables()) {
      out.append(
          String.format(
              Locale.ROOT,
              "%n%s: %d columns, %d mixture component(s), fitted on %d rows%n",
              table.name(),
              table.columns().size(),
              table.model().dependence().componentCount(),
              table.inputRows()));
      out.append(String.format(Locale.ROOT, "  columns: %s%n", String.join(", ", table.columns())));
      structure(out, table.model());
      for (TableSet.ForeignKey key : table.foreignKeys()) {
        out.append(
            String.format(
                Locale.ROOT,
                "  %s -> %s.%s%s%s%n",
                String.join(",", key.columns()),
                key.parentTable(),
                String.join(",", key.parentKeys()),
                key.isParent()
                    ? " (parent: rows generated beside it)"
                    : popularity(key.popularity()),
                key.affinity() == null ? "" : "; depends on the row's mixture component"));
      }

      if (table.sequence() != null) {
        out.append(
            String.format(
                Locale.ROOT,
                "  %s: %s ordered by %s; %s%n",
                table.name(),
                table.parent() == null ? "series" : "sequence of " + table.parent(),
                table.sequence().order(),
                processes(table.sequence())));
        table
            .sequence()
            .seasons()
            .forEach(
                (column, season) ->
                    out.append(
                        String.format(
                            Locale.ROOT,
                            "  %s moves with time: %s (%.0f%% of its spread)%n",
                            column,
                            season.describe(),
                            100 * (1 - season.scale() * season.scale()))));
        table
            .sequence()
            .transitions()
            .forEach(
                (column, chain) ->
                    out.append(
                        String.format(
                            Locale.ROOT,
                            "  %s moves from state to state (a Markov chain of %d states)%n",
                            column,
                            chain.states())));
        for (RunningBalance balance : table.sequence().balances()) {
          StringBuilder moves = new StringBuilder("previous");
          balance.add().forEach(column -> moves.append(" + ").append(column));
          balance.subtract().forEach(column -> moves.append(" - ").append(column));
          out.append(
              String.format(
                  Locale.ROOT,
                  "  %s is carried: %s, never below %s%n",
                  balance.column(),
                  moves,
                  balance.floor()));
        }
      }

      if (table.ordinal() != null) {
        out.append(
            String.format(
                Locale.ROOT,
                "  %s: numbers the rows within their %s row from %d (with %s, the table's key)%n",
                table.ordinal().column(),
                table.parent(),
                table.ordinal().start(),
                String.join(",", table.parentKey().columns())));
      }

      for (TableSet.Table child : set.children(table.name())) {
        FanOut fanOut = fanOut(table, child.name());
        out.append(
            String.format(
                Locale.ROOT,
                "  rows of %s per row: mean %.2f, %.1f%% with none, up to %d%n",
                child.name(),
                fanOut.mean,
                100 * fanOut.noneShare,
                fanOut.max));
      }
    }

    return out.toString();
  }

  /**
   * A table's derived columns, column groups and times of day, which hold in every generated row as
   * they do in a single table's.
   */
  private static void structure(StringBuilder out, TableModel model) {
    for (Derivation derivation : model.derivations()) {
      out.append(String.format(Locale.ROOT, "  derived: %s%n", derivation.formula()));
    }

    if (!model.groups().isEmpty()) {
      out.append(String.format(Locale.ROOT, "  column groups (drawn as learned tuples):%n"));
      GroupLines.of(model)
          .forEach(line -> out.append(String.format(Locale.ROOT, "    %s%n", line)));
    }

    for (ColumnModel column : model.columns()) {
      if (column instanceof NumericColumn numeric && numeric.timeOfDay() != null) {
        out.append(
            String.format(
                Locale.ROOT,
                "  %s: %s%n",
                column.name(),
                ModelDescription.timeOfDay(numeric).substring(2)));
      }
    }
  }

  /** Each column's process, as its order and lag-1 autocorrelation. */
  private static String processes(TableSet.Sequence sequence) {
    if (sequence.processes().isEmpty()) {
      return "no column follows its earlier values";
    }

    List<String> each = new ArrayList<>();
    sequence
        .processes()
        .forEach(
            (column, process) ->
                each.add(
                    String.format(
                        Locale.ROOT,
                        "%s AR(%d), lag-1 %.2f",
                        column,
                        process.order(),
                        process.autocorrelations()[0])));
    return String.join(", ", each);
  }

  private static String popularity(Popularity popularity) {
    double[] children = popularity.childShares();
    double[] parents = popularity.parentShares();
    // The share of children the most popular tenth of parents takes, read off the curve.
    double share = 1;
    for (int i = 1; i < parents.length; i++) {
      if (parents[i] >= 0.1) {
        double within = (0.1 - parents[i - 1]) / (parents[i] - parents[i - 1]);
        share = children[i - 1] + within * (children[i] - children[i - 1]);
        break;
      }
    }

    return String.format(
        Locale.ROOT,
        " (by popularity: the top 10%% of rows take %.0f%% of references)",
        100 * share);
  }

  private record FanOut(double mean, double noneShare, long max) {}

  /** The count column's mixture over components, read at evenly spaced quantiles. */
  private static FanOut fanOut(TableSet.Table parent, String child) {
    NumericColumn counts = (NumericColumn) parent.model().column(TableSet.countColumn(child));
    double[] weights =
        parent.model().dependence() instanceof GaussianCopulaMixture mixture
            ? mixture.weights()
            : evenWeights(counts.components().size());
    double mean = 0;
    double none = 0;
    long max = 0;
    for (int k = 0; k < weights.length; k++) {
      NumericDistribution distribution = counts.components().get(k);
      double nonNull = 1 - distribution.nullShare();
      none += weights[k] * distribution.nullShare();
      if (distribution.marginal() == null) {
        continue;
      }

      for (int q = 0; q < QUANTILES; q++) {
        double value =
            Math.max(0, Math.rint(distribution.marginal().quantile((q + 0.5) / QUANTILES)));
        mean += weights[k] * nonNull * value / QUANTILES;
        none += value == 0 ? weights[k] * nonNull / QUANTILES : 0;
      }

      max = Math.max(max, Math.round(distribution.marginal().quantile(1.0)));
    }

    return new FanOut(mean, none, max);
  }

  private static double[] evenWeights(int count) {
    double[] weights = new double[count];
    Arrays.fill(weights, 1.0 / count);
    return weights;
  }
}
