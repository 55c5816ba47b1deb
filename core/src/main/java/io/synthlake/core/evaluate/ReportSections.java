package io.synthlake.core.evaluate;

import io.synthlake.core.evaluate.EvaluationResult.Accuracy;
import io.synthlake.core.evaluate.EvaluationResult.ColumnReport;
import io.synthlake.core.evaluate.EvaluationResult.CombinationReport;
import io.synthlake.core.evaluate.EvaluationResult.DependencyReport;
import io.synthlake.core.evaluate.EvaluationResult.LeakedCategory;
import io.synthlake.core.evaluate.EvaluationResult.MlUtility;
import io.synthlake.core.evaluate.EvaluationResult.PairReport;
import io.synthlake.core.evaluate.EvaluationResult.Privacy;
import io.synthlake.core.evaluate.EvaluationResult.RelationReport;
import io.synthlake.core.evaluate.EvaluationResult.Score;
import io.synthlake.core.evaluate.EvaluationResult.TimeOfDayReport;
import java.util.List;
import java.util.Locale;

/**
 * The body of the HTML report, section by section, in reading order. Every user string (column
 * names, categories) is escaped here; chart placeholders carry only indices into the data, which
 * the inline script reads.
 */
final class ReportSections {
  static final int WORST_PAIRS = 20;

  private final StringBuilder out;

  /** The table of a set the sections are about, or null for a single table's report. */
  private final String table;

  /** Prefix of the section ids, so that every table of a set has its own. */
  private final String idPrefix;

  ReportSections(StringBuilder out) {
    this(out, null, "");
  }

  private ReportSections(StringBuilder out, String table, String idPrefix) {
    this.out = out;
    this.table = table;
    this.idPrefix = idPrefix;
  }

  static void append(StringBuilder page, EvaluationResult result) {
    ReportSections sections = new ReportSections(page);
    sections.tableSections(result);
    sections.footer();
  }

  /**
   * The sections of table {@code name} of a set, the {@code index}th: headings name the table and
   * chart placeholders point into its entry of the set's data.
   */
  static void appendTable(StringBuilder page, EvaluationResult result, String name, int index) {
    new ReportSections(page, name, "table-" + index + "-").tableSections(result);
  }

  static void appendFooter(StringBuilder page) {
    new ReportSections(page).footer();
  }

  private void tableSections(EvaluationResult result) {
    summary(result);
    columns(result.columns());
    timeOfDay(result.timeOfDay());
    correlations(result.correlations());
    pairs(result.pairs());
    privacy(result.privacy());
    dependencies(result.dependencies());
    combinations(result.combinations());
    relations(result.relations());
    close();
  }

  // ---------------------------------------------------------------- sections

  private void summary(EvaluationResult result) {
    Accuracy accuracy = result.accuracy();
    open("summary", "Summary");
    out.append("<div class=\"cards\">\n");
    scoreCard(
        "Overall accuracy (uni+bi+tri)",
        accuracy.overall(),
        "mean of univariate, bivariate and trivariate");
    scoreCard(
        "Overall accuracy (uni+bi, MOSTLY AI style)",
        accuracy.overallUniBi(),
        "mean of univariate and bivariate, as other tools quote it");
    scoreCard(
        "Univariate accuracy", accuracy.univariate(), plural(result.columns().size(), "column"));
    scoreCard("Bivariate accuracy", accuracy.bivariate(), plural(accuracy.pairCount(), "pair"));
    scoreCard(
        "Trivariate accuracy", accuracy.trivariate(), plural(accuracy.tripleCount(), "triple"));
    if (result.correlations() != null) {
      scoreCard(
          "Correlation similarity",
          result.correlations().similarity(),
          plural(result.correlations().columns().size(), "numeric column"));
    }

    mlUtilityCard(result.mlUtility());
    Privacy privacy = result.privacy();
    card(
        Verdict.ofDcrShare(privacy.dcrShare()),
        "DCR share",
        Html.figure(privacy.dcrShare()),
        "ideal 0.500 · above " + Html.figure(Verdict.DCR_SHARE_OK) + " hints at memorisation");
    card(
        Verdict.ofExactCopies(privacy.exactCopyShare(), privacy.holdoutExactCopyShare()),
        "Exact copies",
        Html.count(privacy.exactCopies())
            + " <small>("
            + Html.percent(privacy.exactCopyShare())
            + ")</small>",
        "holdout baseline " + Html.percent(privacy.holdoutExactCopyShare()));
    out.append("</div>\n");
    var tables = result.tables();
    out.append("<p class=\"tables\">Training <b>")
        .append(Html.count(tables.trainRows()))
        .append("</b> rows · holdout <b>")
        .append(Html.count(tables.holdoutRows()))
        .append("</b> rows · synthetic <b>")
        .append(Html.count(tables.syntheticRows()))
        .append("</b> rows · evaluated in <b>")
        .append(Html.seconds(tables.seconds()))
        .append("</b></p>\n");
    if (!tables.keyColumns().isEmpty()) {
      out.append(
              "<p class=\"tables\">Key columns set aside (nearly every value distinct, so not compared): ")
          .append(Html.escape(String.join(", ", tables.keyColumns())))
          .append("</p>\n");
    }

    close();
  }

  private void columns(List<ColumnReport> columns) {
    open("columns", "Columns");
    out.append(
        "<p class=\"note\">Share of rows in each bin, in the training, holdout and synthetic tables; worst "
            + "accuracy first. Numeric columns use equal-frequency bins of the training data.</p>\n");
    if (columns.isEmpty()) {
      out.append("<p>No columns were evaluated.</p>\n");
    }

    out.append("<div class=\"charts\">\n");
    for (int i = 0; i < columns.size(); i++) {
      ColumnReport column = columns.get(i);
      out.append("<figure class=\"column\"><figcaption><span class=\"name\">")
          .append(Html.escape(column.name()))
          .append("</span> <span class=\"kind\">")
          .append(Html.escape(column.binning()))
          .append("</span><br>")
          .append("accuracy <b>")
          .append(Html.figure(column.accuracy().synthetic()))
          .append("</b> vs ceiling ")
          .append(Html.figure(column.accuracy().ceiling()))
          .append(' ')
          .append(badge(column.accuracy().ratio()))
          .append(" · ")
          .append(Html.escape(column.statisticName()))
          .append(' ')
          .append(Html.figure(column.statistic()))
          .append("</figcaption>\n")
          .append("<div class=\"chart\"")
          .append(tableAttribute())
          .append(" data-column=\"")
          .append(i)
          .append("\"></div></figure>\n");
    }

    out.append("</div>\n");
    close();
  }

  private void timeOfDay(List<TimeOfDayReport> clocks) {
    if (clocks.isEmpty()) {
      return;
    }

    open("time-of-day", "Time of day");
    out.append(
        "<p class=\"note\">Accuracy of each date or timestamp column's hour of day (24 bins, on the wall "
            + "clock of the time zone shown) and day of week (7 bins), 1 − total variation distance; the holdout's is "
            + "the ceiling.</p>\n");
    tableHead(
        "rules",
        2,
        "Column",
        "Time zone",
        "Hour of day",
        "Ceiling",
        "Ratio",
        "Day of week",
        "Ceiling",
        "Ratio");
    for (TimeOfDayReport clock : clocks) {
      out.append("<tr><td>")
          .append(Html.escape(clock.column()))
          .append("</td><td>")
          .append(clock.zone() == null ? "(date)" : Html.escape(clock.zone()))
          .append("</td>");
      scoreCells(clock.hourOfDay());
      scoreCells(clock.dayOfWeek());
      out.append("</tr>\n");
    }

    out.append("</tbody></table>\n");
    close();
  }

  private void correlations(EvaluationResult.CorrelationReport correlations) {
    open("correlations", "Correlations");
    if (correlations == null || correlations.columns().size() < 2) {
      out.append(
          "<p>Fewer than two numeric columns, so there are no correlations to compare.</p>\n");
      close();
      return;
    }

    Score similarity = correlations.similarity();
    out.append(
            "<p class=\"note\">Pearson correlations of the numeric columns. Correlation similarity <b>")
        .append(Html.figure(similarity.synthetic()))
        .append("</b> vs ceiling ")
        .append(Html.figure(similarity.ceiling()))
        .append(' ')
        .append(badge(similarity.ratio()))
        .append(". Empty cells are undefined (a constant column).</p>\n<div class=\"heatmaps\">\n");
    heatmap("train", "Training");
    heatmap("synthetic", "Synthetic");
    heatmap("difference", "Difference (synthetic − training)");
    out.append("</div>\n");
    close();
  }

  private void pairs(List<PairReport> pairs) {
    open("pairs", "Worst column pairs");
    if (pairs.isEmpty()) {
      out.append("<p>Fewer than two columns, so there are no pairs.</p>\n");
      close();
      return;
    }

    int shown = Math.min(WORST_PAIRS, pairs.size());
    out.append("<p class=\"note\">Bivariate accuracy of the ")
        .append(shown)
        .append(" worst of ")
        .append(plural(pairs.size(), "pair"))
        .append(".</p>\n");
    pairTable("Columns", pairs, shown);

    out.append("</tbody></table>\n");
    close();
  }

  private void privacy(Privacy privacy) {
    open("privacy", "Privacy");
    out.append("<ul class=\"reading\">\n");
    for (PrivacyReading.Sentence sentence : PrivacyReading.of(privacy)) {
      out.append("<li class=\"")
          .append(sentence.verdict().cssClass())
          .append("\">")
          .append(Html.escape(sentence.text()))
          .append("</li>\n");
    }

    out.append("</ul>\n");
    tableHead("figures", 1, "Figure", "Value");
    figureRow("DCR share (0.5 is ideal)", Html.figure(privacy.dcrShare()));
    figureRow("Median distance to the closest training row", Html.figure(privacy.medianDcrTrain()));
    figureRow(
        "Median distance to the closest holdout row", Html.figure(privacy.medianDcrHoldout()));
    figureRow("Synthetic rows sampled for distances", Html.count(privacy.syntheticSampleRows()));
    figureRow(
        "Reference rows sampled (training, and as many holdout)",
        Html.count(privacy.referenceRows()));
    figureRow(
        "Synthetic rows equal to a training row",
        Html.count(privacy.exactCopies()) + " (" + Html.percent(privacy.exactCopyShare()) + ")");
    figureRow(
        "Holdout rows equal to a training row (baseline)",
        Html.percent(privacy.holdoutExactCopyShare()));
    figureRow(
        "Rare categories checked (fewer than " + privacy.rareThreshold() + " training rows)",
        Html.count(privacy.rareCategoriesChecked()));
    out.append("</tbody></table>\n<h3>Rare categories found in the synthetic table</h3>\n");
    if (privacy.rareCategoriesLeaked().isEmpty()) {
      out.append("<p class=\"none\">None.</p>\n");
    } else {
      tableHead("leaked", 2, "Column", "Value", "Training rows", "Synthetic rows");
      for (LeakedCategory leaked : privacy.rareCategoriesLeaked()) {
        out.append("<tr><td>")
            .append(Html.escape(leaked.column()))
            .append("</td><td>")
            .append(Html.escape(leaked.value()))
            .append("</td><td class=\"num\">")
            .append(Html.count(leaked.trainCount()))
            .append("</td><td class=\"num\">")
            .append(Html.count(leaked.syntheticCount()))
            .append("</td></tr>\n");
      }

      out.append("</tbody></table>\n");
    }

    close();
  }

  private void dependencies(List<DependencyReport> dependencies) {
    open("rules", "Rule adherence");
    if (dependencies.isEmpty()) {
      out.append(
          "<p>No functional dependencies (one or two columns' values fixing another's) were found in the "
              + "training data.</p>\n");
      return;
    }

    out.append(
        "<p class=\"note\">Functional dependencies of the training data: each value of the determinant (one "
            + "column or two) goes with one value of the dependent in at least 99% of the training rows. Adherence is "
            + "the share of rows that keep it; the holdout's share is the ceiling.</p>\n");
    tableHead(
        "rules",
        1,
        "Determinant → dependent",
        "Determinant values",
        "Training",
        "Synthetic",
        "Holdout",
        "Ratio");
    for (DependencyReport dependency : dependencies) {
      out.append("<tr><td>")
          .append(Html.escape(dependency.determinantText()))
          .append(" <span class=\"times\">→</span> ")
          .append(Html.escape(dependency.dependent()))
          .append("</td><td class=\"num\">")
          .append(Html.count(dependency.determinantValues()))
          .append("</td><td class=\"num\">")
          .append(Html.figure(dependency.trainShare()))
          .append("</td>");
      scoreCells(dependency.adherence());
      out.append("</tr>\n");
    }

    out.append("</tbody></table>\n");
  }

  private void relations(List<RelationReport> relations) {
    if (relations.isEmpty()) {
      return;
    }

    out.append("<h3>Arithmetic relations</h3>\n")
        .append(
            "<p class=\"note\">Relations among numeric columns of the training data, found as the fit finds "
                + "derived columns: the share of rows (with every column present) that keep each, exact ones within "
                + "the columns' rounding, products within their stated share.</p>\n");
    tableHead("rules", 1, "Relation", "Training", "Synthetic", "Holdout", "Ratio");
    for (RelationReport relation : relations) {
      out.append("<tr><td>")
          .append(Html.escape(relation.relation()))
          .append("</td><td class=\"num\">")
          .append(Html.figure(relation.trainShare()))
          .append("</td>");
      scoreCells(relation.adherence());
      out.append("</tr>\n");
    }

    out.append("</tbody></table>\n");
  }

  private void combinations(List<CombinationReport> combinations) {
    if (combinations.isEmpty()) {
      return;
    }

    out.append("<h3>Valid combinations</h3>\n")
        .append(
            "<p class=\"note\">Pairs of categorical columns with many values, whose training data holds few of "
                + "the combinations possible: the share of rows whose combination the training data has.</p>\n");
    tableHead("rules", 1, "Columns", "Training combinations", "Synthetic", "Holdout", "Ratio");
    for (CombinationReport combination : combinations) {
      out.append("<tr><td>")
          .append(Html.escape(combination.first()))
          .append(" <span class=\"times\">×</span> ")
          .append(Html.escape(combination.second()))
          .append("</td><td class=\"num\">")
          .append(Html.count(combination.trainCombinations()))
          .append("</td>");
      scoreCells(combination.share());
      out.append("</tr>\n");
    }

    out.append("</tbody></table>\n");
  }

  private void footer() {
    out.append(
            "<footer><h2>How to read this</h2>\n<p>Every figure compares the synthetic table with the training "
                + "table it was fitted on. The <b>ceiling</b> is the same figure for the holdout table: real rows the model "
                + "never saw. A ratio of 100% means the synthetic data is as close to the training data as fresh real data "
                + "is; above 100% usually means it is too close. Colours: ")
        .append("<span class=\"badge good\">green</span> ratio ≥ ")
        .append(percentOf(Verdict.GOOD_RATIO))
        .append(", <span class=\"badge ok\">amber</span> ≥ ")
        .append(percentOf(Verdict.OK_RATIO))
        .append(
            ", <span class=\"badge poor\">red</span> below; for privacy, green means no sign of memorisation "
                + "or disclosure. Accuracy is 1 − total variation distance between binned distributions.</p>\n")
        .append(
            "<p>docs/evaluation.md in the synthlake repository defines every figure and how it is computed.</p>\n")
        .append("</footer>\n");
  }

  // ---------------------------------------------------------------- pieces

  void open(String id, String heading) {
    out.append("<section id=\"")
        .append(idPrefix)
        .append(id)
        .append("\">\n<h2>")
        .append(table == null ? "" : Html.escape(table) + ": ")
        .append(heading)
        .append("</h2>\n");
  }

  /** The attribute that points a chart placeholder at its table's data; empty for one table. */
  private String tableAttribute() {
    return table == null ? "" : " data-table=\"" + Html.escape(table) + "\"";
  }

  void close() {
    out.append("</section>\n");
  }

  void scoreCard(String label, Score score, String detail) {
    card(
        Verdict.ofRatio(score.ratio()),
        label,
        Html.figure(score.synthetic()),
        "ceiling "
            + Html.figure(score.ceiling())
            + " · <b>"
            + ratioText(score.ratio())
            + "</b> · "
            + detail);
  }

  private void mlUtilityCard(MlUtility ml) {
    if (ml == null) {
      card(Verdict.UNDEFINED, "ML utility", "—", "no target column given");
      return;
    }

    card(
        Verdict.ofRatio(ml.ratio()),
        "ML utility (" + Html.escape(ml.metric()) + ")",
        Html.figure(ml.trainedOnSynthetic()),
        "trained on training "
            + Html.figure(ml.trainedOnTraining())
            + " · <b>"
            + ratioText(ml.ratio())
            + "</b> · "
            + Html.escape(ml.task())
            + " of "
            + Html.escape(ml.target())
            + ", "
            + Html.escape(ml.model()));
  }

  /** A summary card; {@code value} and {@code detail} are HTML, already escaped. */
  void card(Verdict verdict, String label, String value, String detail) {
    out.append("<div class=\"card ")
        .append(verdict.cssClass())
        .append("\"><div class=\"label\">")
        .append(label)
        .append("</div><div class=\"value\">")
        .append(value)
        .append("</div><div class=\"detail\">")
        .append(detail)
        .append("</div></div>\n");
  }

  private void heatmap(String matrix, String caption) {
    out.append("<figure class=\"correlation\"><figcaption>")
        .append(caption)
        .append("</figcaption>")
        .append("<div class=\"heatmap\"")
        .append(tableAttribute())
        .append(" data-matrix=\"")
        .append(matrix)
        .append("\"></div></figure>\n");
  }

  /**
   * A table's head; the columns after the first {@code textColumns} hold numbers and are
   * right-aligned.
   */
  /** A table of the first {@code shown} pairs with their accuracy, under {@code heading}. */
  void pairTable(String heading, List<PairReport> pairs, int shown) {
    tableHead("pairs", 2, "#", heading, "Synthetic", "Ceiling", "Ratio");
    for (int i = 0; i < shown; i++) {
      PairReport pair = pairs.get(i);
      out.append("<tr><td>")
          .append(i + 1)
          .append("</td><td>")
          .append(Html.escape(pair.first()))
          .append(" <span class=\"times\">×</span> ")
          .append(Html.escape(pair.second()))
          .append("</td>");
      scoreCells(pair.accuracy());
      out.append("</tr>\n");
    }
  }

  void tableHead(String cssClass, int textColumns, String... headings) {
    out.append("<table class=\"").append(cssClass).append("\"><thead><tr>");
    for (int i = 0; i < headings.length; i++) {
      out.append(i < textColumns ? "<th>" : "<th class=\"num\">")
          .append(headings[i])
          .append("</th>");
    }

    out.append("</tr></thead><tbody>\n");
  }

  void scoreCells(Score score) {
    out.append("<td class=\"num\">")
        .append(Html.figure(score.synthetic()))
        .append("</td><td class=\"num\">")
        .append(Html.figure(score.ceiling()))
        .append("</td><td class=\"num\">")
        .append(badge(score.ratio()))
        .append("</td>");
  }

  void figureRow(String label, String value) {
    out.append("<tr><td>")
        .append(label)
        .append("</td><td class=\"num\">")
        .append(value)
        .append("</td></tr>\n");
  }

  /** The ratio to the ceiling as a percentage, coloured by its verdict. */
  static String badge(double ratio) {
    String text = Double.isFinite(ratio) ? percentOf(ratio) : Html.UNDEFINED;
    return "<span class=\"badge " + Verdict.ofRatio(ratio).cssClass() + "\">" + text + "</span>";
  }

  private static String ratioText(double ratio) {
    return Double.isFinite(ratio)
        ? String.format(Locale.ROOT, "%.0f%% of ceiling", ratio * 100)
        : "no ceiling";
  }

  static String percentOf(double ratio) {
    return String.format(Locale.ROOT, "%.0f%%", ratio * 100);
  }

  static String plural(long count, String noun) {
    return Html.count(count) + " " + noun + (count == 1 ? "" : "s");
  }
}
