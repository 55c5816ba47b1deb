package io.synthlake.core.evaluate;

import io.synthlake.core.evaluate.EvaluationResult.Score;
import io.synthlake.core.evaluate.SequenceReport.Adherence;
import io.synthlake.core.evaluate.SequenceReport.Adherences;
import io.synthlake.core.evaluate.SequenceReport.ColumnAutocorrelation;
import io.synthlake.core.evaluate.SequenceReport.ColumnStep;
import io.synthlake.core.evaluate.SequenceReport.ColumnTransitions;
import io.synthlake.core.evaluate.SequenceReport.Distance;
import io.synthlake.core.evaluate.SequenceReport.FloorAdherence;
import io.synthlake.core.evaluate.SequenceReport.Side;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The report's section on each table of histories: headline cards, the rules kept, a few training
 * and synthetic histories side by side, each numeric column's autocorrelation by lag, and the
 * transition and next-step tables. Every user string is escaped here; the chart placeholders carry
 * only indexes into the data.
 */
final class SequenceSections {
  private final StringBuilder out;
  private final ReportSections pieces;

  private SequenceSections(StringBuilder out) {
    this.out = out;
    this.pieces = new ReportSections(out);
  }

  static void append(StringBuilder page, TableSetEvaluationResult result) {
    SequenceSections sections = new SequenceSections(page);
    for (int i = 0; i < result.sequences().size(); i++) {
      sections.sequence(result.sequences().get(i), i);
    }
  }

  private void sequence(SequenceReport report, int index) {
    pieces.open("sequence-" + index, "Histories of " + Html.escape(report.table()));
    out.append("<p class=\"note\">")
        .append(Html.escape(report.table()))
        .append(" ordered by ")
        .append(Html.escape(report.order()))
        .append(
            report.entity() == null
                ? " as one series; the ceiling is the held-out rows' figure"
                : " within each "
                    + Html.escape(report.entity())
                    + "; the ceiling is the held-out entities' figure")
        .append(".</p>\n<div class=\"cards\">\n");
    pieces.scoreCard("Length similarity", report.lengths(), "1 − KS of rows per entity");
    pieces.scoreCard(
        "Gap similarity", report.gaps(), "1 − KS of gaps between consecutive order values");
    distanceCard(
        "Autocorrelation distance",
        report.autocorrelation(),
        "mean |ACF − training ACF| at lags 1–" + report.lags());
    if (!report.categories().isEmpty()) {
      distanceCard(
          "Transition distance",
          report.transitions(),
          "TVD of the next category given this one, weighted");
    }

    pieces.scoreCard("Next-step accuracy", report.nextStep(), "value × next value, binned");
    ruleCard("Order kept", report.monotone(), "rows not before their entity's previous row");
    for (FloorAdherence floor : report.floors()) {
      ruleCard(
          "Floor kept",
          floor.adherence(),
          "rows with " + Html.escape(floor.column()) + " ≥ " + Html.figure(floor.floor()));
    }

    out.append("</div>\n");
    sides(report);
    histories(report, index);
    autocorrelations(report, index);
    transitions(report.categories());
    steps(report.steps());
    pieces.close();
  }

  private void distanceCard(String label, Distance distance, String detail) {
    pieces.card(
        Verdict.ofDistance(distance.synthetic(), distance.ceiling()),
        label,
        Html.figure(distance.synthetic()),
        "ceiling " + Html.figure(distance.ceiling()) + " · " + detail);
  }

  private void ruleCard(String label, Adherences adherence, String detail) {
    pieces.card(
        Verdict.ofIntegrity(adherence.synthetic().share()),
        label,
        Html.percent(adherence.synthetic().share()),
        "training "
            + Html.percent(adherence.train().share())
            + ", holdout "
            + Html.percent(adherence.holdout().share())
            + " · "
            + detail);
  }

  private void sides(SequenceReport report) {
    List<Side> sides =
        List.of(report.sides().train(), report.sides().holdout(), report.sides().synthetic());
    pieces.tableHead("histories", 1, "Histories", "Training", "Holdout", "Synthetic");
    row("Entities", sides, side -> Html.count(side.entities()));
    row("Rows", sides, side -> Html.count(side.rows()));
    row("Mean rows per entity", sides, side -> Html.figure(side.meanLength()));
    row(
        "Mean gap, sampled (" + Html.escape(report.order()) + ")",
        sides,
        side -> Html.figure(side.meanGap()));
    row(
        "Sampled entities (rows)",
        sides,
        side -> Html.count(side.sampledEntities()) + " (" + Html.count(side.sampledRows()) + ")");
    ruleRow("Order kept", report.monotone());
    for (FloorAdherence floor : report.floors()) {
      ruleRow(Html.escape(floor.column()) + " ≥ " + Html.figure(floor.floor()), floor.adherence());
    }

    out.append("</tbody></table>\n");
  }

  private void row(String label, List<Side> sides, Function<Side, String> value) {
    out.append("<tr><td>").append(label).append("</td>");
    for (Side side : sides) {
      out.append("<td class=\"num\">").append(value.apply(side)).append("</td>");
    }

    out.append("</tr>\n");
  }

  private void ruleRow(String label, Adherences adherence) {
    out.append("<tr><td>").append(label).append("</td>");
    for (Adherence side : List.of(adherence.train(), adherence.holdout(), adherence.synthetic())) {
      out.append("<td class=\"num\">").append(Html.percent(side.share())).append("</td>");
    }

    out.append("</tr>\n");
  }

  private void histories(SequenceReport report, int index) {
    List<String> columns = report.chart().columns();
    if (columns.isEmpty()) {
      return;
    }

    out.append("<h3>Histories, training and synthetic</h3>\n")
        .append("<p class=\"note\">The first rows of ")
        .append(report.chart().train().size())
        .append(" training and ")
        .append(report.chart().synthetic().size())
        .append(" synthetic histories (the sample's first, by a hash of the entity), for the ")
        .append("columns that carry on most from one row to the next.</p>\n")
        .append("<div class=\"charts\">\n");
    for (int c = 0; c < columns.size(); c++) {
      for (String side : List.of("train", "synthetic")) {
        out.append("<figure class=\"column\"><figcaption><span class=\"name\">")
            .append(Html.escape(columns.get(c)))
            .append("</span> <span class=\"kind\">")
            .append(side.equals("train") ? "training" : "synthetic")
            .append("</span></figcaption>\n<div class=\"chart\" data-sequence=\"")
            .append(index)
            .append("\" data-history=\"")
            .append(side)
            .append("\" data-line=\"")
            .append(c)
            .append("\"></div></figure>\n");
      }
    }

    out.append("</div>\n");
  }

  private void autocorrelations(SequenceReport report, int index) {
    List<ColumnAutocorrelation> columns = report.columns();
    if (columns.isEmpty()) {
      return;
    }

    out.append("<h3>Autocorrelation by lag</h3>\n<div class=\"charts\">\n");
    for (int c = 0; c < columns.size(); c++) {
      ColumnAutocorrelation column = columns.get(c);
      out.append("<figure class=\"column\"><figcaption><span class=\"name\">")
          .append(Html.escape(column.column()))
          .append("</span> · mean |difference| <b>")
          .append(Html.figure(column.distance().synthetic()))
          .append("</b> vs ceiling ")
          .append(Html.figure(column.distance().ceiling()))
          .append("</figcaption>\n<div class=\"chart\" data-sequence=\"")
          .append(index)
          .append("\" data-acf=\"")
          .append(c)
          .append("\"></div></figure>\n");
    }

    out.append("</div>\n");
    pieces.tableHead(
        "autocorrelation",
        1,
        "Column",
        "Lag 1, training",
        "Lag 1, synthetic",
        "Synthetic",
        "Ceiling");
    for (ColumnAutocorrelation column : columns) {
      out.append("<tr><td>")
          .append(Html.escape(column.column()))
          .append("</td><td class=\"num\">")
          .append(Html.figure(column.train()[0]))
          .append("</td><td class=\"num\">")
          .append(Html.figure(column.synthetic()[0]))
          .append("</td>");
      distanceCells(column.distance());
      out.append("</tr>\n");
    }

    out.append("</tbody></table>\n");
  }

  private void transitions(List<ColumnTransitions> columns) {
    if (columns.isEmpty()) {
      return;
    }

    out.append("<h3>Transitions between categories</h3>\n");
    pieces.tableHead("transitions", 1, "Column", "Categories", "Synthetic", "Ceiling");
    for (ColumnTransitions column : columns) {
      out.append("<tr><td>")
          .append(Html.escape(column.column()))
          .append("</td><td class=\"num\">")
          .append(column.categories().size())
          .append("</td>");
      distanceCells(column.distance());
      out.append("</tr>\n");
    }

    out.append("</tbody></table>\n");
  }

  private void steps(List<ColumnStep> steps) {
    if (steps.isEmpty()) {
      return;
    }

    out.append("<h3>Next step given this step</h3>\n");
    pieces.tableHead("steps", 1, "Column, worst first", "Synthetic", "Ceiling", "Ratio");
    for (ColumnStep step : steps) {
      Score accuracy = step.accuracy();
      out.append("<tr><td>").append(Html.escape(step.column())).append("</td>");
      pieces.scoreCells(accuracy);
      out.append("</tr>\n");
    }

    out.append("</tbody></table>\n");
  }

  private void distanceCells(Distance distance) {
    out.append(
        String.format(
            Locale.ROOT,
            "<td class=\"num\"><span class=\"badge %s\">%s</span></td><td class=\"num\">%s</td>",
            Verdict.ofDistance(distance.synthetic(), distance.ceiling()).cssClass(),
            Html.figure(distance.synthetic()),
            Html.figure(distance.ceiling())));
  }
}
