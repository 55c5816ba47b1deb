package io.synthlake.core.generate;

import io.synthlake.core.math.Cumulative;
import io.synthlake.core.model.TextComposer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Composes one text value into a reusable buffer: a word count, then words by weight, joined by
 * spaces.
 */
final class TextGenerator {
  private static final byte[] LETTERS =
      "abcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);

  private final byte[][] words;
  private final Cumulative cumulativeWords;
  private final Cumulative cumulativeCounts;
  private byte[] buffer = new byte[256];

  TextGenerator(TextComposer composer) {
    this.words =
        composer.words().stream()
            .map(w -> w.getBytes(StandardCharsets.UTF_8))
            .toArray(byte[][]::new);
    this.cumulativeWords = composer.words().isEmpty() ? null : cumulative(composer.wordWeights());
    this.cumulativeCounts = cumulative(composer.wordCountShares());
  }

  private static Cumulative cumulative(double[] weights) {
    double total = 0;
    for (double weight : weights) {
      total += weight;
    }

    double[] result = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i] / total;
      result[i] = sum;
    }

    result[result.length - 1] = Double.POSITIVE_INFINITY;
    return Cumulative.of(result);
  }

  void write(SplittableRandom random, ColumnSink sink, int row) {
    int count = cumulativeCounts.firstAbove(random.nextDouble()) + 1;
    int length = 0;
    for (int w = 0; w < count; w++) {
      if (w > 0) {
        length = append(length, (byte) ' ');
      }

      if (words.length == 0) {
        int letters = 3 + random.nextInt(6);
        for (int i = 0; i < letters; i++) {
          length = append(length, LETTERS[random.nextInt(LETTERS.length)]);
        }
      } else {
        byte[] word = words[cumulativeWords.firstAbove(random.nextDouble())];
        for (byte b : word) {
          length = append(length, b);
        }
      }
    }

    sink.putUtf8(row, buffer, 0, length);
  }

  private int append(int length, byte b) {
    if (length == buffer.length) {
      buffer = Arrays.copyOf(buffer, buffer.length * 2);
    }

    buffer[length] = b;
    return length + 1;
  }
}
