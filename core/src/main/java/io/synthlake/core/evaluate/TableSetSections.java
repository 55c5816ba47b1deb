package io.synthlake.core.evaluate;

import io.synthlake.core.evaluate.EvaluationResult.PairReport;
import io.synthlake.core.evaluate.EvaluationResult.Score;
import io.synthlake.core.evaluate.TableSetEvaluationResult.Cardinality;
import io.synthlake.core.evaluate.TableSetEvaluationResult.CategoryCardinality;
import io.synthlake.core.evaluate.TableSetEvaluationResult.FanOutSummary;
import io.synthlake.core.evaluate.TableSetEvaluationResult.Headline;
import io.synthlake.core.evaluate.TableSetEvaluationResult.Integrity;
import io.synthlake.core.evaluate.TableSetEvaluationResult.KeyCount;
import io.synthlake.core.evaluate.TableSetEvaluationResult.KeyReport;
import io.synthlake.core.evaluate.TableSetEvaluationResult.ParentChildAccuracy;
import io.synthlake.core.evaluate.TableSetEvaluationResult.RelationReport;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The report's section on the relations of a set of tables: the headline cards, referential
 * integrity, key uniqueness, for each parent relation its fan-out chart and figures and its worst
 * parent-child pairs, and for each further relation its worst parent-child and co-parent pairs.
 * Every user string is escaped here; the fan-out charts' placeholders carry only the relation's
 * index into the data.
 */
final class TableSetSections {
  private final StringBuilder out;
  private final ReportSections pieces;

  private TableSetSections(StringBuilder out) {
    this.out = out;
    this.pieces = new ReportSections(out);
  }

  static void append(StringBuilder page, TableSetEvaluationResult result) {
    new TableSetSections(page).relations(result);
  }

  private void relations(TableSetEvaluationResult result) {
    Headline headline = result.headline();
    pieces.open("relations", "Related tables");
    out.append("<div class=\"cards\">\n");
    pieces.card(
        Verdict.ofIntegrity(headline.syntheticIntegrity()),
        "Referential integrity",
        Html.percent(headline.syntheticIntegrity()),
        "synthetic foreign keys that join, the lowest of "
            + ReportSections.plural(result.relations().size(), "relation"));
    pieces.scoreCard("Fan-out similarity", headline.cardinality(), "1 − KS of children per parent");
    pieces.scoreCard(
        "Fan-out within categories",
        headline.cardinalityByCategory(),
        "by the parents' categorical columns");
    pieces.scoreCard(
        "Parent-child accuracy",
        headline.parentChildAccuracy(),
        "parent column × child column over the join");
    if (result.relations().stream().anyMatch(relation -> !relation.parentRelation())) {
      pieces.scoreCard(
          "Further parent-child accuracy",
          headline.furtherParentChildAccuracy(),
          "referenced column × child column, further relations");
      pieces.scoreCard(
          "Co-parent accuracy",
          headline.coParentAccuracy(),
          "the child's parent × the referenced row, further relations");
    }

    out.append("</div>\n<p class=\"tables\">")
        .append(ReportSections.plural(result.tables().size(), "table"))
        .append(": ")
        .append(Html.escape(String.join(", ", result.tables().keySet())))
        .append(" · evaluated in <b>")
        .append(Html.seconds(result.seconds()))
        .append("</b></p>\n");
    integrity(result.relations());
    keys(result.keys());
    for (int i = 0; i < result.relations().size(); i++) {
      RelationReport relation = result.relations().get(i);
      if (relation.cardinality() != null) {
        fanOut(relation, i);
      } else if (relation.coParentAccuracy() != null) {
        further(relation);
      }
    }

    pieces.close();
  }

  private void integrity(List<RelationReport> relations) {
    out.append("<h3>Referential integrity</h3>\n")
        .append(
            "<p class=\"note\">Share of child rows with a foreign key whose key matches a row of the "
                + "parent table; orphans are the rows that match none.</p>\n");
    pieces.tableHead(
        "integrity", 1, "Relation", "Training", "Holdout", "Synthetic", "Synthetic orphans");
    for (RelationReport relation : relations) {
      out.append("<tr><td>")
          .append(Html.escape(relation.relation()))
          .append(relation.parentRelation() ? " <small>(parent)</small>" : "")
          .append("</td>");
      for (Integrity integrity :
          List.of(
              relation.trainIntegrity(),
              relation.holdoutIntegrity(),
              relation.syntheticIntegrity())) {
        out.append("<td class=\"num\">").append(Html.percent(integrity.share())).append("</td>");
      }

      out.append("<td class=\"num\">")
          .append(Html.count(relation.syntheticIntegrity().orphans()))
          .append("</td></tr>\n");
    }

    out.append("</tbody></table>\n");
  }

  private void keys(List<KeyReport> keys) {
    out.append("<h3>Referenced keys</h3>\n");
    pieces.tableHead("keys", 1, "Key", "Training", "Holdout", "Synthetic");
    for (KeyReport key : keys) {
      out.append("<tr><td>").append(Html.escape(key.table() + "." + key.key())).append("</td>");
      for (KeyCount count : List.of(key.train(), key.holdout(), key.synthetic())) {
        out.append("<td class=\"num\">").append(keyText(count)).append("</td>");
      }

      out.append("</tr>\n");
    }

    out.append("</tbody></table>\n");
  }

  private static String keyText(KeyCount count) {
    if (count.unique()) {
      return "unique";
    }

    return Html.count(count.duplicates()) + " repeated, " + Html.count(count.nullKeys()) + " null";
  }

  private void fanOut(RelationReport relation, int index) {
    Cardinality cardinality = relation.cardinality();
    out.append("<h3>Rows of ")
        .append(Html.escape(relation.child()))
        .append(" per row of ")
        .append(Html.escape(relation.parent()))
        .append(" <small>(")
        .append(Html.escape(relation.relation()))
        .append(")</small></h3>\n<div class=\"charts\">\n")
        .append("<figure class=\"column\"><figcaption>Share of parents by their number of ")
        .append("children · similarity <b>")
        .append(Html.figure(cardinality.similarity().synthetic()))
        .append("</b> vs ceiling ")
        .append(Html.figure(cardinality.similarity().ceiling()))
        .append(' ')
        .append(ReportSections.badge(cardinality.similarity().ratio()))
        .append("</figcaption>\n<div class=\"chart\" data-relation=\"")
        .append(index)
        .append("\"></div></figure>\n<div>\n");
    pieces.tableHead("fan-out", 1, "Figure", "Training", "Holdout", "Synthetic");
    List<FanOutSummary> sides =
        List.of(cardinality.train(), cardinality.holdout(), cardinality.synthetic());
    countRow("Parents", sides, FanOutSummary::parents);
    countRow("Children", sides, FanOutSummary::children);
    figureRow("Mean children per parent", sides, FanOutSummary::mean, Html::figure);
    figureRow("Parents without children", sides, FanOutSummary::zeroShare, Html::percent);
    countRow("Most children of one parent", sides, FanOutSummary::max);
    out.append("</tbody></table>\n");
    pieces.tableHead("fan-out-scores", 1, "Similarity", "Synthetic", "Ceiling", "Ratio");
    scoreRow("All parents", cardinality.similarity());
    for (CategoryCardinality column : cardinality.columns()) {
      scoreRow("Within " + Html.escape(column.column()), column.similarity());
    }

    out.append("</tbody></table>\n</div>\n</div>\n");
    pairs(
        relation.accuracy(),
        "Parent-child accuracy",
        "parent-child",
        "Parent column × child column");
  }

  /**
   * A further relation: the referenced row's columns with the child's, and with the child's
   * parent's.
   */
  private void further(RelationReport relation) {
    out.append("<h3>")
        .append(Html.escape(relation.child()))
        .append(" by ")
        .append(Html.escape(relation.column()))
        .append(" <small>(")
        .append(Html.escape(relation.relation()))
        .append(")</small></h3>\n")
        .append("<p class=\"note\">Pairs over the child rows joined to the rows their key ")
        .append("references; the training and holdout rows join against the real rows of ")
        .append(Html.escape(relation.parent()))
        .append(" from both sides, since the holdout follows parent relations only.</p>\n");
    pairs(
        relation.accuracy(),
        "Parent-child accuracy",
        "parent-child",
        "Referenced column × child column");
    pairs(
        relation.coParentAccuracy(),
        "Co-parent accuracy",
        "co-parent",
        "Parent column × referenced column");
  }

  private void pairs(ParentChildAccuracy figure, String label, String kind, String heading) {
    List<PairReport> pairs = figure.pairs();
    if (pairs.isEmpty()) {
      out.append("<p>No compared columns on one side, so there are no ")
          .append(kind)
          .append(" pairs.</p>\n");
      return;
    }

    Score accuracy = figure.accuracy();
    int shown = Math.min(ReportSections.WORST_PAIRS, pairs.size());
    out.append("<p class=\"note\">")
        .append(label)
        .append(" <b>")
        .append(Html.figure(accuracy.synthetic()))
        .append("</b> vs ceiling ")
        .append(Html.figure(accuracy.ceiling()))
        .append(' ')
        .append(ReportSections.badge(accuracy.ratio()))
        .append(" over ")
        .append(ReportSections.plural(pairs.size(), "pair"))
        .append("; the ")
        .append(shown)
        .append(" worst:</p>\n");
    pieces.pairTable(heading, pairs, shown);

    out.append("</tbody></table>\n");
  }

  private void countRow(
      String label, List<FanOutSummary> sides, Function<FanOutSummary, Long> value) {
    out.append("<tr><td>").append(label).append("</td>");
    for (FanOutSummary side : sides) {
      out.append("<td class=\"num\">").append(Html.count(value.apply(side))).append("</td>");
    }

    out.append("</tr>\n");
  }

  private void figureRow(
      String label,
      List<FanOutSummary> sides,
      ToDoubleFunction<FanOutSummary> value,
      Function<Double, String> format) {
    out.append("<tr><td>").append(label).append("</td>");
    for (FanOutSummary side : sides) {
      out.append("<td class=\"num\">")
          .append(format.apply(value.applyAsDouble(side)))
          .append("</td>");
    }

    out.append("</tr>\n");
  }

  private void scoreRow(String label, Score score) {
    out.append("<tr><td>").append(label).append("</td>");
    pieces.scoreCells(score);
    out.append("</tr>\n");
  }
}
