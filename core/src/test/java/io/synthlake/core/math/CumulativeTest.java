package io.synthlake.core.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CumulativeTest {
  /** Random cumulative probabilities with empty intervals (zero weights), ending in +∞. */
  private static double[] cumulative(SplittableRandom random, int outcomes) {
    double[] weights = new double[outcomes];
    double total = 0;
    for (int i = 0; i < outcomes; i++) {
      weights[i] =
          random.nextInt(4) == 0 ? 0 : random.nextDouble() * (random.nextBoolean() ? 1 : 100);
      total += weights[i];
    }

    double[] cumulative = new double[outcomes];
    double running = 0;
    for (int i = 0; i < outcomes; i++) {
      running += weights[i] / total;
      cumulative[i] = running;
    }

    cumulative[outcomes - 1] = Double.POSITIVE_INFINITY;
    return cumulative;
  }

  @Test
  void theGuideTableGivesWhatTheBinarySearchGives() {
    SplittableRandom random = new SplittableRandom(3);
    for (int outcomes : new int[] {1, 2, 3, 7, 100, 2000}) {
      double[] cumulative = cumulative(random, outcomes);
      Cumulative guided = Cumulative.of(cumulative);
      for (int i = 0; i < 20_000; i++) {
        // Half the draws sit exactly on interval ends and slice boundaries, where an off-by-one
        // would show.
        double end = cumulative[random.nextInt(outcomes)];
        double u =
            i % 2 == 0 || Double.isInfinite(end)
                ? random.nextDouble()
                : i % 4 == 1 ? end : (double) random.nextInt(outcomes) / outcomes;
        assertThat(guided.firstAbove(u))
            .as("%d outcomes, u = %s", outcomes, u)
            .isEqualTo(Cumulative.firstAbove(cumulative, 0, u));
      }
    }
  }

  /**
   * Just below a slice boundary b / n, u * n can round up to b, which puts u in slice b although an
   * interval may end between u and b / n: the draw must still give the interval that holds u. The
   * cases are rare, so they are searched for rather than drawn.
   */
  @Test
  void aDrawThatRoundsUpIntoTheNextSliceKeepsItsInterval() {
    int found = 0;
    for (int outcomes = 2; outcomes <= 300; outcomes++) {
      int slices = outcomes; // the guide's slices
      for (int b = 1; b < slices; b++) {
        double boundary = (double) b / slices;
        double below = Math.nextDown(boundary);
        if ((int) (below * slices) < b) {
          continue;
        }

        // Every interval but the last ends exactly at the boundary, so `below` belongs to the
        // first.
        double[] cumulative = new double[outcomes];
        Arrays.fill(cumulative, boundary);
        cumulative[outcomes - 1] = Double.POSITIVE_INFINITY;
        assertThat(Cumulative.of(cumulative).firstAbove(below))
            .as("%d outcomes, u = %s", outcomes, below)
            .isZero();
        found++;
      }
    }

    assertThat(found).isPositive();
  }

  /**
   * Draws on and beside every slice boundary of the table's guide, and 1 itself, in tables that
   * take the branch-free steps (a few outcomes; one large and many tiny outcomes, for which the
   * guide grows) and in one that must walk (many intervals ending at one point).
   */
  @Test
  void drawsOnAndBesideSliceBoundariesGiveWhatTheBinarySearchGives() {
    double[] even = {0.3, 0.6, 0.8, Double.POSITIVE_INFINITY};
    double[] skewed = new double[200];
    for (int i = 0; i < skewed.length; i++) {
      skewed[i] = 0.9 + 0.1 * i / skewed.length;
    }

    double[] piled = new double[50];
    Arrays.fill(piled, 0.3);
    skewed[skewed.length - 1] = Double.POSITIVE_INFINITY;
    piled[piled.length - 1] = Double.POSITIVE_INFINITY;
    assertThat(Cumulative.of(even).slices()).isEqualTo(4);
    assertThat(Cumulative.of(even).steps()).isEqualTo(1);
    assertThat(Cumulative.of(skewed).slices()).isGreaterThan(256);
    assertThat(Cumulative.of(skewed).steps()).isBetween(0, 4);
    assertThat(Cumulative.of(piled).steps()).isEqualTo(-1);
    for (double[] cumulative : new double[][] {even, skewed, piled}) {
      Cumulative guided = Cumulative.of(cumulative);
      for (int slices = 1; slices <= 1 << 16; slices *= 2) {
        for (int b = 0; b <= Math.min(slices, 4096); b++) {
          double boundary = (double) b / slices;
          for (double u : new double[] {Math.nextDown(boundary), boundary, Math.nextUp(boundary)}) {
            if (u >= 0 && u <= 1) {
              assertThat(guided.firstAbove(u))
                  .as("%d outcomes, u = %s", cumulative.length, u)
                  .isEqualTo(Cumulative.firstAbove(cumulative, 0, u));
            }
          }
        }
      }
    }
  }

  @Test
  void ofRejectsATableThatDoesNotEndInInfinity() {
    assertThatThrownBy(() -> Cumulative.of(new double[] {0.5, 1.0}))
        .hasMessageContaining("+Infinity");
    assertThatThrownBy(() -> Cumulative.of(new double[0])).hasMessageContaining("+Infinity");
  }
}
