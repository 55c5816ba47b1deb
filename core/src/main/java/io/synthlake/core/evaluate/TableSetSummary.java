package io.synthlake.core.evaluate;

import io.synthlake.core.evaluate.EvaluationResult.Score;
import io.synthlake.core.evaluate.TableSetEvaluationResult.RelationReport;
import java.util.Locale;
import java.util.Map;

/**
 * The lines `synthlake evaluate` prints for a set of tables: each table's summary, then the
 * relations' figures beside their holdout ceilings: a further relation's pair figures are named by
 * its foreign key ({@code flights.destination}).
 */
public final class TableSetSummary {
  private TableSetSummary() {}

  public static String text(TableSetEvaluationResult result) {
    StringBuilder text = new StringBuilder();
    for (Map.Entry<String, EvaluationResult> table : result.tables().entrySet()) {
      text.append("Table ").append(table.getKey()).append(":\n");
      EvaluationSummary.text(table.getValue())
          .lines()
          .forEach(line -> text.append("  ").append(line).append('\n'));
    }

    text.append(
        String.format(
            Locale.ROOT,
            "Relations of %d tables, evaluated in %.1f s%n",
            result.tables().size(),
            result.seconds()));
    text.append(
        String.format(
            Locale.ROOT,
            "  %-44s %9s %9s %9s%n",
            "referential integrity",
            "training",
            "holdout",
            "synthetic"));
    for (RelationReport relation : result.relations()) {
      text.append(
          String.format(
              Locale.ROOT,
              "  %-44s %8.2f%% %8.2f%% %8.2f%%%n",
              relation.relation(),
              100 * relation.trainIntegrity().share(),
              100 * relation.holdoutIntegrity().share(),
              100 * relation.syntheticIntegrity().share()));
    }

    text.append(
        String.format(Locale.ROOT, "  %-44s %9s %9s %7s%n", "", "synthetic", "holdout", "ratio"));
    for (RelationReport relation : result.relations()) {
      if (relation.cardinality() != null) {
        String name = relation.child() + " per " + relation.parent();
        line(text, "fan-out similarity, " + name, relation.cardinality().similarity());
        line(text, "  within categories", relation.cardinality().byCategory());
        line(text, "parent-child accuracy, " + name, relation.accuracy().accuracy());
      } else if (relation.coParentAccuracy() != null) {
        String name = relation.child() + "." + relation.column();
        line(text, "parent-child accuracy, " + name, relation.accuracy().accuracy());
        line(text, "co-parent accuracy, " + name, relation.coParentAccuracy().accuracy());
      }
    }

    for (SequenceReport sequence : result.sequences()) {
      sequence(text, sequence);
    }

    return text.toString();
  }

  private static void sequence(StringBuilder text, SequenceReport sequence) {
    text.append(
        String.format(
            Locale.ROOT,
            "Histories of %s (%s ordered by %s)%n  %-44s %9s %9s %7s%n",
            sequence.table(),
            sequence.entity() == null ? "one series" : sequence.entity(),
            sequence.order(),
            "",
            "synthetic",
            "holdout",
            "ratio"));
    line(text, "length similarity", sequence.lengths());
    line(text, "gap similarity", sequence.gaps());
    line(text, "next-step accuracy", sequence.nextStep());
    distance(text, "ACF distance, lags 1-" + sequence.lags(), sequence.autocorrelation());
    if (!sequence.categories().isEmpty()) {
      distance(text, "transition distance", sequence.transitions());
    }

    text.append(
        String.format(
            Locale.ROOT,
            "  %-44s %9s %9s %9s%n",
            "rows keeping",
            "training",
            "holdout",
            "synthetic"));
    rule(text, "order not going back", sequence.monotone());
    for (SequenceReport.FloorAdherence floor : sequence.floors()) {
      rule(
          text,
          String.format(Locale.ROOT, "%s >= %s", floor.column(), Html.figure(floor.floor())),
          floor.adherence());
    }
  }

  private static void distance(StringBuilder text, String label, SequenceReport.Distance distance) {
    text.append(
        String.format(
            Locale.ROOT,
            "  %-44s %9.4f %9.4f %7s%n",
            label + " (lower is closer)",
            distance.synthetic(),
            distance.ceiling(),
            ""));
  }

  private static void rule(StringBuilder text, String label, SequenceReport.Adherences adherence) {
    text.append(
        String.format(
            Locale.ROOT,
            "  %-44s %8.2f%% %8.2f%% %8.2f%%%n",
            label,
            100 * adherence.train().share(),
            100 * adherence.holdout().share(),
            100 * adherence.synthetic().share()));
  }

  private static void line(StringBuilder text, String label, Score score) {
    text.append(
        String.format(
            Locale.ROOT,
            "  %-44s %9.4f %9.4f %7.3f%n",
            label,
            score.synthetic(),
            score.ceiling(),
            score.ratio()));
  }
}
