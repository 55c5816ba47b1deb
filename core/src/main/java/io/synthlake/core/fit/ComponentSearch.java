package io.synthlake.core.fit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Chooses the number of mixture components by held-out log-likelihood while fitting few mixtures: a
 * coarse pass over 1, 2, 4, 8, ... (and the cap itself) that stops at the first count that does not
 * beat the best so far, then one count halfway between the best and its better tried neighbour.
 * Each fit costs Spark jobs per EM iteration, and its cost grows with the count, so every count
 * skipped is time saved; the likelihood curve is smooth enough over counts that a doubling grid
 * with one refinement lands within a few components of its peak.
 */
public final class ComponentSearch {
  private ComponentSearch() {}

  /** Fits a mixture of the given number of components and scores it on held-out rows. */
  @FunctionalInterface
  public interface Trial {
    /** Held-out log-likelihood (higher is better) of a fit with {@code components} components. */
    double logLikelihood(int components);
  }

  /** The chosen count and every count tried, in the order tried, with its log-likelihood. */
  public record Choice(int components, Map<Integer, Double> tried) {
    public Choice {
      tried = Collections.unmodifiableMap(new LinkedHashMap<>(tried));
    }

    /** One line for the model's properties: each count's log-likelihood per held-out row. */
    public String account(int heldOutRows) {
      StringBuilder line = new StringBuilder("validation log-likelihood per row:");
      String separator = " ";
      for (Map.Entry<Integer, Double> entry : tried.entrySet()) {
        line.append(
            String.format(
                Locale.ROOT,
                "%sK=%d %.4f",
                separator,
                entry.getKey(),
                entry.getValue() / Math.max(1, heldOutRows)));
        separator = ", ";
      }

      return line.append("; chose K=").append(components).toString();
    }
  }

  /**
   * Searches counts from 1 to {@code maxComponents} (at least 1).
   *
   * @param trial fits and scores one count; called at most once per count
   */
  public static Choice search(int maxComponents, Trial trial) {
    int cap = Math.max(1, maxComponents);
    Map<Integer, Double> tried = new LinkedHashMap<>();
    int best = 1;
    double bestScore = score(trial, 1, tried);
    int failed = -1;
    for (int k = 2; k <= cap; k = k == cap ? cap + 1 : Math.min(cap, k * 2)) {
      double score = score(trial, k, tried);
      if (score > bestScore) {
        best = k;
        bestScore = score;
      } else {
        failed = k;
        break;
      }
    }

    // One refinement towards the better neighbour: the peak lies between the best and it.
    int lower = 0;
    for (int k : tried.keySet()) {
      if (k < best) {
        lower = Math.max(lower, k);
      }
    }

    int upper = failed;
    int neighbour;
    if (upper < 0) {
      neighbour = lower;
    } else if (lower < 1 || best - lower < 2) {
      neighbour = upper;
    } else {
      neighbour = tried.get(upper) >= tried.get(lower) ? upper : lower;
    }

    int middle = (best + neighbour) / 2;
    if (neighbour >= 1 && Math.abs(neighbour - best) >= 2 && !tried.containsKey(middle)) {
      double score = score(trial, middle, tried);
      if (score > bestScore) {
        best = middle;
      }
    }

    return new Choice(best, tried);
  }

  private static double score(Trial trial, int components, Map<Integer, Double> tried) {
    double score = trial.logLikelihood(components);
    tried.put(components, score);
    return score;
  }
}
