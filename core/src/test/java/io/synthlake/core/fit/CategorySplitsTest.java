package io.synthlake.core.fit;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlake.core.marginal.EmpiricalMarginal;
import io.synthlake.core.model.CategoricalColumn;
import io.synthlake.core.model.TableModel;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CategorySplitsTest {
  private static final FitSettings SPLITTING =
      FitSettings.builder().seed(3).splitByCategory().build();

  /**
   * 400 rows: a species shifts the mass by 3 standard deviations and a sex by 1.5 within each
   * species, a colour drawn apart from everything shifts nothing.
   */
  private static SampleColumn[] animals(int rows) {
    SplittableRandom random = new SplittableRandom(11);
    String[] species = new String[rows];
    String[] sex = new String[rows];
    String[] colour = new String[rows];
    double[] mass = new double[rows];
    double[] length = new double[rows];
    for (int row = 0; row < rows; row++) {
      boolean big = random.nextDouble() < 0.4;
      boolean male = random.nextBoolean();
      species[row] = big ? "gentoo" : "adelie";
      sex[row] = male ? "male" : "female";
      colour[row] = new String[] {"red", "green", "blue"}[random.nextInt(3)];
      mass[row] = (big ? 3 : 0) + (male ? 1.5 : 0) + random.nextGaussian();
      length[row] = (big ? 2 : 0) + 0.5 * mass[row] + random.nextGaussian();
    }

    return new SampleColumn[] {
      Samples.strings("species", species),
      Samples.strings("sex", sex),
      Samples.strings("colour", colour),
      Samples.doubles("mass", mass),
      Samples.doubles("length", length)
    };
  }

  @Test
  void aSmallTableIsSplitByTheCategoriesThatMoveTheOtherColumns() {
    TableModel model =
        ModelFitter.fit(Samples.table(animals(400)), SPLITTING, ScoreClusterer.single()).model();

    // Four leaves, species × sex; the colour pays for no split.
    assertThat(model.properties().get("component-selection"))
        .startsWith("4 components split by categories (species × sex;");
    CategoricalColumn sex = (CategoricalColumn) model.column("sex");
    for (int k = 0; k < 4; k++) {
      assertThat(Arrays.stream(sex.probabilities(k)).max().getAsDouble()).isEqualTo(1.0);
    }
  }

  @Test
  void withoutTheSettingOrOnALargeTableTheClustererChooses() {
    String plain =
        ModelFitter.fit(
                Samples.table(animals(400)),
                FitSettings.builder().seed(3).build(),
                ScoreClusterer.single())
            .model()
            .properties()
            .get("component-selection");
    String large =
        ModelFitter.fit(Samples.table(animals(1_000)), SPLITTING, ScoreClusterer.single())
            .model()
            .properties()
            .get("component-selection");

    assertThat(plain).isEqualTo("single component");
    assertThat(large).isEqualTo("single component");
  }

  @Test
  void aValueRepeatedAcrossTheColumnStaysAPointMassInSmallComponents() {
    // Four components of 30 rows over 12 model years: each year is 2 or 3 rows of a component,
    // below the 5 rows a component's own point mass needs, but 10 of the column's 120.
    double[][] components = new double[4][30];
    for (int k = 0; k < 4; k++) {
      for (int row = 0; row < 30; row++) {
        components[k][row] = 1970 + (row * 7 + k) % 12;
      }

      Arrays.sort(components[k]);
    }

    PooledShape shape = PooledShape.fit(components, 0.02, 5, 1_000);
    EmpiricalMarginal own = EmpiricalMarginal.fit(components[0], 0.02, 5, 32);
    EmpiricalMarginal pooled = shape.marginal(components[0]);

    assertThat(own.massValues()).isEmpty();
    assertThat(pooled.knots()).isEmpty();
    assertThat(pooled.massValues())
        .containsExactly(Arrays.stream(components[0]).distinct().toArray());
    for (double u = 0.005; u < 1; u += 0.01) {
      assertThat(pooled.quantile(u)).isIn(Arrays.stream(components[0]).boxed().toArray());
    }
  }

  @Test
  void componentsShareTheShapeAndKeepTheirLocationAndScale() {
    // Two components of skewed values (exponential), one shifted by 100 and twice as wide.
    SplittableRandom random = new SplittableRandom(5);
    double[][] components = new double[2][40];
    for (int row = 0; row < 40; row++) {
      double draw = -Math.log(1 - random.nextDouble());
      components[0][row] = draw + random.nextDouble() * 1e-3;
      components[1][row] = 100 + 2 * (-Math.log(1 - random.nextDouble()));
    }

    Arrays.sort(components[0]);
    Arrays.sort(components[1]);
    PooledShape shape = PooledShape.fit(components, 0.02, 5, 1_000);
    double[] first = shape.marginal(components[0]).knots();
    double[] second = shape.marginal(components[1]).knots();

    // Same knots up to location and scale: the standardized knots are equal.
    assertThat(standardized(first))
        .containsExactly(standardized(second), org.assertj.core.api.Assertions.within(1e-9));
    assertThat(first[first.length / 2]).isLessThan(second[0]);
  }

  private static double[] standardized(double[] knots) {
    double low = knots[0];
    double high = knots[knots.length - 1];
    return Arrays.stream(knots).map(x -> (x - low) / (high - low)).toArray();
  }
}
