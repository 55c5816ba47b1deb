package io.synthlake.core.evaluate;

import io.synthlake.core.evaluate.EvaluationResult.Privacy;
import java.util.List;
import java.util.Locale;

/**
 * The privacy figures in plain words, each sentence with its colour cue. Sentences hold no user
 * strings.
 */
final class PrivacyReading {
  record Sentence(Verdict verdict, String text) {}

  private PrivacyReading() {}

  static List<Sentence> of(Privacy privacy) {
    return List.of(distance(privacy), copies(privacy), rareCategories(privacy));
  }

  private static Sentence distance(Privacy privacy) {
    double share = privacy.dcrShare();
    Verdict verdict = Verdict.ofDcrShare(share);
    String medians =
        format(
            " (median distance to the closest training row %s, to the closest holdout row %s.)",
            Html.figure(privacy.medianDcrTrain()), Html.figure(privacy.medianDcrHoldout()));
    return switch (verdict) {
      case GOOD ->
          new Sentence(
              verdict,
              format(
                      "DCR share %s: synthetic rows are no closer to the training rows than "
                          + "to unseen real rows — no sign of memorisation.",
                      Html.figure(share))
                  + medians);
      case OK ->
          new Sentence(
              verdict,
              format(
                      "DCR share %s: synthetic rows lean towards the training rows (0.5 is "
                          + "ideal) — some training rows may be reproduced too closely; look at the exact copies below.",
                      Html.figure(share))
                  + medians);
      case POOR ->
          new Sentence(
              verdict,
              format(
                      "DCR share %s: synthetic rows are much closer to the training rows "
                          + "than unseen real rows are — the generator is memorising training rows; do not share this table as "
                          + "anonymous without review.",
                      Html.figure(share))
                  + medians);
      case UNDEFINED ->
          new Sentence(
              verdict, "DCR share undefined: no synthetic rows or reference rows were sampled.");
    };
  }

  private static Sentence copies(Privacy privacy) {
    Verdict verdict =
        Verdict.ofExactCopies(privacy.exactCopyShare(), privacy.holdoutExactCopyShare());
    String figures =
        format(
            "%s synthetic rows (%s) equal a training row; real holdout rows do so by chance for %s.",
            Html.count(privacy.exactCopies()),
            Html.percent(privacy.exactCopyShare()),
            Html.percent(privacy.holdoutExactCopyShare()));
    return switch (verdict) {
      case GOOD ->
          new Sentence(verdict, figures + " No more copies than real data shows by chance.");
      case OK, POOR ->
          new Sentence(
              verdict,
              figures
                  + " That is above the holdout's baseline: the extra copies may "
                  + "disclose real records.");
      case UNDEFINED -> new Sentence(verdict, figures);
    };
  }

  private static Sentence rareCategories(Privacy privacy) {
    int leaked = privacy.rareCategoriesLeaked().size();
    String checked =
        format(
            "%s rare categories (seen fewer than %d times in training) were checked",
            Html.count(privacy.rareCategoriesChecked()), privacy.rareThreshold());
    if (leaked == 0) {
      return new Sentence(Verdict.GOOD, checked + "; none appears in the synthetic table.");
    }

    return new Sentence(
        Verdict.POOR,
        format(
            "%s; %d %s in the synthetic table (listed below). A rare value can "
                + "identify a real person or entity: merge or drop such categories before fitting.",
            checked, leaked, leaked == 1 ? "appears" : "appear"));
  }

  private static String format(String template, Object... args) {
    return String.format(Locale.ROOT, template, args);
  }
}
