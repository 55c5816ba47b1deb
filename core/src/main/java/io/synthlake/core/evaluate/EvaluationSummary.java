package io.synthlake.core.evaluate;

import io.synthlake.core.evaluate.EvaluationResult.Score;
import io.synthlake.core.evaluate.EvaluationResult.TimeOfDayReport;
import java.util.List;
import java.util.Locale;

/** The few lines `synthlake evaluate` prints: each headline figure beside its holdout ceiling. */
public final class EvaluationSummary {
  private EvaluationSummary() {}

  public static String text(EvaluationResult result) {
    StringBuilder text = new StringBuilder();
    EvaluationResult.Tables tables = result.tables();
    text.append(
        String.format(
            Locale.ROOT,
            "Evaluated %,d synthetic rows against %,d training and %,d holdout rows in %.1f s%n",
            tables.syntheticRows(),
            tables.trainRows(),
            tables.holdoutRows(),
            tables.seconds()));
    if (!tables.keyColumns().isEmpty()) {
      text.append("Key columns set aside: ")
          .append(String.join(", ", tables.keyColumns()))
          .append('\n');
    }

    text.append(
        String.format(Locale.ROOT, "%-34s %9s %9s %7s%n", "", "synthetic", "holdout", "ratio"));
    line(text, "overall (uni+bi+tri)", result.accuracy().overall());
    line(text, "overall (uni+bi, MOSTLY AI style)", result.accuracy().overallUniBi());
    line(text, "  univariate", result.accuracy().univariate());
    line(text, "  bivariate", result.accuracy().bivariate());
    line(text, "  trivariate", result.accuracy().trivariate());
    line(text, "correlation similarity", result.correlations().similarity());
    if (!result.dependencies().isEmpty()) {
      line(
          text,
          "dependencies kept (" + result.dependencies().size() + ")",
          Score.mean(result.dependencies().stream().map(d -> d.adherence()).toList()));
    }

    List<TimeOfDayReport> clocks = result.timeOfDay();
    List<Score> hours =
        clocks.stream()
            .map(TimeOfDayReport::hourOfDay)
            .filter(h -> !Double.isNaN(h.synthetic()))
            .toList();
    if (!hours.isEmpty()) {
      line(text, "hour of day (" + hours.size() + ")", Score.mean(hours));
    }

    if (!clocks.isEmpty()) {
      line(
          text,
          "day of week (" + clocks.size() + ")",
          Score.mean(clocks.stream().map(TimeOfDayReport::dayOfWeek).toList()));
    }

    if (!result.relations().isEmpty()) {
      line(
          text,
          "relations kept (" + result.relations().size() + ")",
          Score.mean(result.relations().stream().map(r -> r.adherence()).toList()));
    }

    if (!result.combinations().isEmpty()) {
      line(
          text,
          "valid combinations (" + result.combinations().size() + ")",
          Score.mean(result.combinations().stream().map(c -> c.share()).toList()));
    }

    EvaluationResult.MlUtility utility = result.mlUtility();
    if (utility != null) {
      line(
          text,
          "ML utility " + utility.metric(),
          new Score(utility.trainedOnSynthetic(), utility.trainedOnTraining()));
    }

    EvaluationResult.Privacy privacy = result.privacy();
    text.append(
        String.format(
            Locale.ROOT,
            "DCR share %.3f (0.5 is ideal, 1.0 means copies); exact copies %.4f%% (holdout %.4f%%)%n",
            privacy.dcrShare(),
            100 * privacy.exactCopyShare(),
            100 * privacy.holdoutExactCopyShare()));
    text.append(
        String.format(
            Locale.ROOT,
            "Rare categories leaked: %d of %d protected%n",
            privacy.rareCategoriesLeaked().size(),
            privacy.rareCategoriesChecked()));
    return text.toString();
  }

  private static void line(StringBuilder text, String label, Score score) {
    text.append(
        String.format(
            Locale.ROOT,
            "%-34s %9.4f %9.4f %7.3f%n",
            label,
            score.synthetic(),
            score.ceiling(),
            score.ratio()));
  }
}
