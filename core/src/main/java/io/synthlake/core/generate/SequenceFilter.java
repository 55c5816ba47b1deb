package io.synthlake.core.generate;

import io.synthlake.core.math.AutoRegression;
import io.synthlake.core.math.Normal;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.model.TableSet;
import java.util.List;
import java.util.Map;

/**
 * Turns the normal scores a sequence table's copula draws for each row into autoregressive series
 * along each entity's rows: a column's score at step t is its process's value from the drawn score
 * (the innovation) and the column's scores at the entity's earlier steps. The copula's draws stay
 * independent from row to row, so a row's values depend on the rows before it in its entity only
 * through this filter. Carries the last scores from one block of rows to the next, so the blocks of
 * a root block must be filtered in order; one per task.
 */
final class SequenceFilter {
  private final AutoRegression[] processes;
  private final double[][] history;
  private int[] steps;
  private int offset;

  SequenceFilter(TableModel model, TableSet.Sequence sequence) {
    this.processes = new AutoRegression[model.dependence().dimension()];
    List<String> names = model.columnNames();
    for (Map.Entry<String, AutoRegression> process : sequence.processes().entrySet()) {
      processes[model.copulaIndex(names.indexOf(process.getKey()))] = process.getValue();
    }

    this.history = new double[processes.length][];
    for (int j = 0; j < processes.length; j++) {
      history[j] = processes[j] == null ? null : new double[Math.max(1, processes[j].order())];
    }
  }

  /**
   * The next rows' steps within their entities (0 for an entity's first row): {@code steps[offset +
   * r]} for row r of the next block.
   */
  void steps(int[] steps, int offset) {
    this.steps = steps;
    this.offset = offset;
  }

  /**
   * Filters {@code rows} rows of drawn values in place: per copula column j with a process and
   * {@code drawn[j]} filled, uniforms or (where {@code asScores[j]}) normal scores.
   */
  void apply(double[][] drawn, boolean[] asScores, boolean[] filled, int rows) {
    for (int j = 0; j < processes.length; j++) {
      AutoRegression process = processes[j];
      if (process == null || !filled[j]) {
        continue;
      }

      double[] values = drawn[j];
      double[] past = history[j];
      for (int r = 0; r < rows; r++) {
        // A uniform of exactly 0 would give an infinite score: kept within the scores doubles
        // reach.
        double innovation =
            asScores[j] ? values[r] : Math.max(-8.5, Math.min(8.5, Normal.quantile(values[r])));
        double score = process.next(innovation, past, steps[offset + r]);
        System.arraycopy(past, 0, past, 1, past.length - 1);
        past[0] = score;
        values[r] = asScores[j] ? score : Normal.cdf(score);
      }
    }
  }
}
