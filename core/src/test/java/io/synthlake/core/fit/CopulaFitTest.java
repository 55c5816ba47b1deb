package io.synthlake.core.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthlake.core.generate.CollectingSink;
import io.synthlake.core.generate.Generated;
import io.synthlake.core.math.Stats;
import io.synthlake.core.model.CategoricalColumn;
import io.synthlake.core.model.TableModel;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Dependence between columns survives fit and generation with the plain Gaussian copula. */
class CopulaFitTest {
  private static final int N = 20_000;

  @Test
  void correlationOfTwoContinuousColumnsIsReproduced() {
    SplittableRandom random = new SplittableRandom(7);
    double[] x = new double[N];
    double[] y = new double[N];
    for (int i = 0; i < N; i++) {
      double a = random.nextGaussian();
      x[i] = 10 + 2 * a;
      y[i] = -5 + 0.7 * a + Math.sqrt(1 - 0.49) * random.nextGaussian();
    }

    TableModel model = Samples.fitSingle(Samples.doubles("x", x), Samples.doubles("y", y)).model();
    Generated rows = Generated.of(model, 1, N);

    double real = Stats.pearson(x, y);
    double generated = Stats.pearson(rows.column("x").numbers(), rows.column("y").numbers());
    // The generated correlation of 20,000 rows at rho = 0.7 has standard error (1 - rho^2) /
    // sqrt(n) = 0.0036; 0.03 is
    // more than 8 of them, which leaves room for the rank-to-Pearson step of the copula but not for
    // a wrong
    // correlation (independence would give 0, and a copula on raw ranks without normal scores about
    // 0.68).
    assertThat(real).isEqualTo(0.7, within(0.02));
    assertThat(generated).isEqualTo(real, within(0.03));
  }

  @Test
  void negativeAndZeroCorrelationsAreReproducedToo() {
    SplittableRandom random = new SplittableRandom(8);
    double[] x = new double[N];
    double[] y = new double[N];
    double[] z = new double[N];
    for (int i = 0; i < N; i++) {
      double a = random.nextGaussian();
      x[i] = a;
      y[i] = Math.exp(-0.5 * a + Math.sqrt(0.75) * random.nextGaussian());
      z[i] = random.nextGaussian();
    }

    TableModel model =
        Samples.fitSingle(Samples.doubles("x", x), Samples.doubles("y", y), Samples.doubles("z", z))
            .model();
    Generated rows = Generated.of(model, 2, N);
    double[] gx = rows.column("x").numbers();
    double[] gy = rows.column("y").numbers();
    double[] gz = rows.column("z").numbers();

    // Standard errors are at most 1 / sqrt(20,000) = 0.007; tolerances are 0.03 as above.
    assertThat(Stats.pearson(gx, gy)).isEqualTo(Stats.pearson(x, y), within(0.03));
    assertThat(Stats.pearson(gx, gz)).isEqualTo(Stats.pearson(x, z), within(0.03));
    assertThat(Stats.pearson(gy, gz)).isEqualTo(Stats.pearson(y, z), within(0.03));
  }

  @Test
  void categoricalToNumericDependenceSurvives() {
    // Category 'a' (50%) has values around 2, 'b' (30%) around 0 and 'c' (20%) around -1, all with
    // sd 1.
    SplittableRandom random = new SplittableRandom(9);
    String[] category = new String[N];
    double[] value = new double[N];
    for (int i = 0; i < N; i++) {
      double u = random.nextDouble();
      category[i] = u < 0.5 ? "a" : u < 0.8 ? "b" : "c";
      value[i] = (u < 0.5 ? 2 : u < 0.8 ? 0 : -1) + random.nextGaussian();
    }

    TableModel model =
        Samples.fitSingle(Samples.strings("category", category), Samples.doubles("value", value))
            .model();
    Generated rows = Generated.of(model, 3, N);
    CollectingSink generatedCategory = rows.column("category");
    CollectingSink generatedValue = rows.column("value");

    double[] realMeans = meansByCategory(category, value);
    String[] generatedCategories = new String[N];
    double[] generatedValues = new double[N];
    for (int i = 0; i < N; i++) {
      generatedCategories[i] = generatedCategory.string(i);
      generatedValues[i] = generatedValue.doubleValue(i);
    }

    double[] generatedMeans = meansByCategory(generatedCategories, generatedValues);
    // Independent columns would give three equal means (gaps 0 +- 0.03). A Gaussian copula with a
    // discrete margin
    // shrinks the gaps between categories: only the between-category part of the category's normal
    // score carries them
    // (about 76% of its variance for shares 0.5, 0.3, 0.2), and the fitted score correlation (-0.65
    // here) is diluted by
    // the random ranks within each category. Under the fitted copula the expected gaps are 1.26
    // (a-b) and 1.07 (b-c)
    // against real gaps of 2.0 and 1.0. The test asks for half of each real gap, in the right
    // order: the standard
    // error of a generated gap is under 0.02, so that is far from both the expected value and from
    // independence.
    assertThat(realMeans[0] - realMeans[1]).isEqualTo(2, within(0.1));
    assertThat(realMeans[1] - realMeans[2]).isEqualTo(1, within(0.1));
    assertThat(generatedMeans[0] - generatedMeans[1])
        .isGreaterThan(0.5 * (realMeans[0] - realMeans[1]));
    assertThat(generatedMeans[1] - generatedMeans[2])
        .isGreaterThan(0.5 * (realMeans[1] - realMeans[2]));
  }

  @Test
  void aNonMonotoneCategoryDependenceSurvivesThroughTheCategoryOrder() {
    // By frequency the order is a (50%), b (30%), c (20%), but the values are a ~ 0, b ~ 2, c ~ 1:
    // not monotone in
    // that order, so a Gaussian copula over frequency codes would give c the largest generated
    // mean. Ordering the
    // categories by the other columns (a, c, b or its reverse) makes the dependence monotone.
    SplittableRandom random = new SplittableRandom(10);
    String[] category = new String[N];
    double[] value = new double[N];
    for (int i = 0; i < N; i++) {
      double u = random.nextDouble();
      category[i] = u < 0.5 ? "a" : u < 0.8 ? "b" : "c";
      value[i] = (u < 0.5 ? 0 : u < 0.8 ? 2 : 1) + random.nextGaussian();
    }

    TableModel model =
        Samples.fitSingle(Samples.strings("category", category), Samples.doubles("value", value))
            .model();
    Generated rows = Generated.of(model, 4, N);
    String[] generatedCategories = new String[N];
    double[] generatedValues = new double[N];
    for (int i = 0; i < N; i++) {
      generatedCategories[i] = rows.column("category").string(i);
      generatedValues[i] = rows.column("value").doubleValue(i);
    }

    assertThat(((CategoricalColumn) model.column("category")).categories())
        .isIn(List.of("a", "c", "b"), List.of("b", "c", "a"));
    double[] generatedMeans = meansByCategory(generatedCategories, generatedValues);
    // Real gaps are 1 (c - a) and 1 (b - c); as above, the test asks for half of each (generated se
    // under 0.02).
    assertThat(generatedMeans[2] - generatedMeans[0]).isGreaterThan(0.5);
    assertThat(generatedMeans[1] - generatedMeans[2]).isGreaterThan(0.5);
  }

  /** Means of {@code value} for categories a, b and c. */
  private static double[] meansByCategory(String[] category, double[] value) {
    double[] sums = new double[3];
    int[] counts = new int[3];
    for (int i = 0; i < category.length; i++) {
      int c = category[i].charAt(0) - 'a';
      sums[c] += value[i];
      counts[c]++;
    }

    return new double[] {sums[0] / counts[0], sums[1] / counts[1], sums[2] / counts[2]};
  }
}
