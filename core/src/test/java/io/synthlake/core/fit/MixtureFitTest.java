package io.synthlake.core.fit;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlake.core.generate.Generated;
import io.synthlake.core.math.Stats;
import io.synthlake.core.model.CategoricalColumn;
import io.synthlake.core.model.GaussianCopulaMixture;
import io.synthlake.core.model.TableModel;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A planted two-cluster dependence: x and y correlate +0.8 in group a and -0.8 in group b, so
 * overall they look independent. A mixture with the right components reproduces both; one Gaussian
 * copula cannot.
 */
class MixtureFitTest {
  private static final int N = 2000;
  private static final int GENERATED = 20_000;

  private final String[] group = new String[N];
  private final double[] x = new double[N];
  private final double[] y = new double[N];
  private final int[] labels = new int[N];

  MixtureFitTest() {
    SplittableRandom random = new SplittableRandom(17);
    for (int i = 0; i < N; i++) {
      boolean a = i % 2 == 0;
      double rho = a ? 0.8 : -0.8;
      double u = random.nextGaussian();
      group[i] = a ? "a" : "b";
      labels[i] = a ? 0 : 1;
      x[i] = u;
      y[i] = rho * u + Math.sqrt(1 - rho * rho) * random.nextGaussian();
    }
  }

  private TableModel fit(ScoreClusterer clusterer) {
    return ModelFitter.fit(
            Samples.table(
                Samples.strings("group", group), Samples.doubles("x", x), Samples.doubles("y", y)),
            FitSettings.defaults(),
            clusterer)
        .model();
  }

  /** Pearson correlation of generated x and y within each group: {a, b}. */
  private static double[] withinGroupCorrelations(Generated rows) {
    List<double[]> a = new ArrayList<>();
    List<double[]> b = new ArrayList<>();
    for (int i = 0; i < rows.rows(); i++) {
      double[] pair = {rows.column("x").doubleValue(i), rows.column("y").doubleValue(i)};
      (rows.column("group").string(i).equals("a") ? a : b).add(pair);
    }

    return new double[] {correlation(a), correlation(b)};
  }

  private static double correlation(List<double[]> pairs) {
    return Stats.pearson(
        pairs.stream().mapToDouble(p -> p[0]).toArray(),
        pairs.stream().mapToDouble(p -> p[1]).toArray());
  }

  @Test
  void aMixtureWithThePlantedComponentsReproducesWithinGroupCorrelation() {
    TableModel model = fit(Samples.fixedLabels(labels));

    assertThat(model.dependence().componentCount()).isEqualTo(2);
    assertThat(((GaussianCopulaMixture) model.dependence()).weights()).containsExactly(0.5, 0.5);
    assertThat(model.properties())
        .containsEntry("components", "2")
        .containsEntry("component-selection", "fixed test labels");
    CategoricalColumn groupColumn = (CategoricalColumn) model.column("group");
    assertThat(groupColumn.probabilities(0)[groupColumn.categories().indexOf("a")]).isEqualTo(1.0);
    assertThat(groupColumn.probabilities(1)[groupColumn.categories().indexOf("b")]).isEqualTo(1.0);

    double[] correlations = withinGroupCorrelations(Generated.of(model, 11, GENERATED));

    // About 10,000 generated rows per group: the standard error of a correlation near 0.8 is 0.004,
    // and the fitted
    // score correlation itself comes from 1,000 rows (se 0.011); 0.65 is more than 10 of them from
    // 0.8.
    assertThat(correlations[0]).isGreaterThan(0.65);
    assertThat(correlations[1]).isLessThan(-0.65);
  }

  @Test
  void aSingleGaussianCopulaCannotReproduceIt() {
    TableModel model = fit(ScoreClusterer.single());

    assertThat(model.dependence().componentCount()).isEqualTo(1);
    double[] correlations = withinGroupCorrelations(Generated.of(model, 11, GENERATED));

    // Overall x and y are uncorrelated and the group is independent of both, so a single copula
    // generates
    // within-group correlations near 0 (se 0.01); 0.3 leaves a wide margin and still fails any
    // model that kept the
    // planted +-0.8.
    assertThat(Math.abs(correlations[0])).isLessThan(0.3);
    assertThat(Math.abs(correlations[1])).isLessThan(0.3);
  }

  @Test
  void clustersBelowTheMinimumSizeAreMergedIntoTheirNeighbours() {
    // Three labels, the third holding 50 rows of group a only: below minComponentRows = 100, it is
    // merged away.
    int[] three = labels.clone();
    for (int i = 0; i < 100; i += 2) {
      three[i] = 2;
    }

    TableModel model = fit(Samples.fixedLabels(three));

    // Its rows are all in group a, so their nearest centroid in score space is the group-a
    // component.
    assertThat(model.dependence().componentCount()).isEqualTo(2);
    assertThat(((GaussianCopulaMixture) model.dependence()).weights()).containsExactly(0.5, 0.5);
  }
}
