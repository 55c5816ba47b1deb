package io.synthlake.core.model;

import io.synthlake.core.Errors;
import java.util.List;

/**
 * Composes text from frequent words for the "other" category of a text column: a word count drawn
 * from the observed counts, then words drawn by frequency. Only words that occur in at least k rows
 * are kept, so a rare value is never reproduced from its own rare words.
 */
public final class TextComposer {
  private final List<String> words;
  private final double[] wordWeights;
  private final double[] wordCountShares;

  private TextComposer(List<String> words, double[] wordWeights, double[] wordCountShares) {
    this.words = List.copyOf(words);
    this.wordWeights = wordWeights.clone();
    this.wordCountShares = wordCountShares.clone();
  }

  /**
   * @param words the vocabulary; may be empty, in which case values are composed of letters
   * @param wordWeights one positive weight per word
   * @param wordCountShares share of values with 1, 2, … words
   */
  public static TextComposer of(
      List<String> words, double[] wordWeights, double[] wordCountShares) {
    if (words.size() != wordWeights.length || wordCountShares.length == 0) {
      throw Errors.invalidModel(
          "word-weights",
          "a text composer needs one weight per word and at least one word-count "
              + "share, got %d words, %d weights and %d shares",
          words.size(),
          wordWeights.length,
          wordCountShares.length);
    }

    for (double weight : wordWeights) {
      if (!(weight > 0)) {
        throw Errors.invalidModel("word-weights", "word weights must be positive, got %s", weight);
      }
    }

    double total = 0;
    for (double share : wordCountShares) {
      if (!(share >= 0)) {
        throw Errors.invalidModel(
            "word-count-shares", "word-count shares must be >= 0, got %s", share);
      }

      total += share;
    }

    if (Math.abs(total - 1) > 1e-6) {
      throw Errors.invalidModel(
          "word-count-shares", "word-count shares must sum to 1, got %s", total);
    }

    return new TextComposer(words, wordWeights, wordCountShares);
  }

  public List<String> words() {
    return words;
  }

  public double[] wordWeights() {
    return wordWeights.clone();
  }

  public double[] wordCountShares() {
    return wordCountShares.clone();
  }
}
