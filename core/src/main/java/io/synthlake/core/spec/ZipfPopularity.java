package io.synthlake.core.spec;

import io.synthlake.core.model.Popularity;
import java.util.ArrayList;
import java.util.List;

/**
 * The popularity curve of a foreign key whose parents are picked by Zipf's law: the parent of rank
 * k (from the most referenced) takes a share proportional to k^-s. Kept as the knots {@link
 * Popularity} holds: the top ranks one by one, then ranks spaced evenly on a log scale, where the
 * law is a straight line; between knots ranks are equally likely.
 */
final class ZipfPopularity {
  private static final int TOP_RANKS = 64;

  /** Ranks summed term by term; beyond, the Euler-Maclaurin formula continues the sum. */
  private static final long EXACT_RANKS = 1_000_000;

  private ZipfPopularity() {}

  /** Every parent equally likely. */
  static Popularity uniform() {
    return Popularity.of(new double[] {0, 1}, new double[] {0, 1});
  }

  /** Zipf's law of exponent {@code s} over {@code parents} rows. */
  static Popularity of(double s, long parents) {
    if (parents <= 1) {
      return uniform();
    }

    List<Long> ranks = new ArrayList<>();
    for (long rank = 1; rank <= Math.min(TOP_RANKS, parents); rank++) {
      ranks.add(rank);
    }

    int rest = Popularity.MAX_KNOTS - 1 - ranks.size();
    double top = Math.log(ranks.get(ranks.size() - 1));
    double step = (Math.log(parents) - top) / rest;
    for (int i = 1; i <= rest; i++) {
      long rank = i == rest ? parents : Math.round(Math.exp(top + i * step));
      if (rank > ranks.get(ranks.size() - 1)) {
        ranks.add(rank);
      }
    }

    double[] sums = partialSums(s, ranks);
    double total = sums[sums.length - 1];
    List<double[]> knots = new ArrayList<>();
    knots.add(new double[] {0, 0});
    for (int i = 0; i < ranks.size() - 1; i++) {
      double child = sums[i] / total;
      // Far down a steep law the shares stop growing in double precision: such knots add nothing.
      if (child > knots.get(knots.size() - 1)[0] && child < 1) {
        knots.add(new double[] {child, (double) ranks.get(i) / parents});
      }
    }

    knots.add(new double[] {1, 1});
    double[] childShares = new double[knots.size()];
    double[] parentShares = new double[knots.size()];
    for (int i = 0; i < knots.size(); i++) {
      childShares[i] = knots.get(i)[0];
      parentShares[i] = knots.get(i)[1];
    }

    return Popularity.of(childShares, parentShares);
  }

  /** The sums of k^-s for k = 1 to each of {@code ranks} (which rise). */
  private static double[] partialSums(double s, List<Long> ranks) {
    double[] sums = new double[ranks.size()];
    double sum = 0;
    long k = 0;
    for (int i = 0; i < ranks.size(); i++) {
      long rank = ranks.get(i);
      for (; k < Math.min(rank, EXACT_RANKS); ) {
        k++;
        sum += Math.pow(k, -s);
      }

      sums[i] = rank <= EXACT_RANKS ? sum : sum + tail(s, EXACT_RANKS, rank);
    }

    return sums;
  }

  /** The sum of k^-s for k from m + 1 to n, by the Euler-Maclaurin formula. */
  private static double tail(double s, long m, long n) {
    double integral =
        Math.abs(s - 1) < 1e-12
            ? Math.log((double) n / m)
            : (Math.pow(n, 1 - s) - Math.pow(m, 1 - s)) / (1 - s);
    double ends = (Math.pow(n, -s) - Math.pow(m, -s)) / 2;
    double slopes = -s * (Math.pow(n, -s - 1) - Math.pow(m, -s - 1)) / 12;
    return integral + ends + slopes;
  }
}
