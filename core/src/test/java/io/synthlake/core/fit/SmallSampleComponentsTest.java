package io.synthlake.core.fit;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlake.core.model.TableModel;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A sample of a few hundred rows keeps components smaller than the default 100 rows: three groups
 * of 150, 70 and 120 rows (penguin species' sizes) stay three components, unless a minimum is set.
 */
class SmallSampleComponentsTest {
  private static final int[] SIZES = {150, 70, 120};

  private static TableModel fit(FitSettings settings) {
    int n = SIZES[0] + SIZES[1] + SIZES[2];
    int[] labels = new int[n];
    String[] group = new String[n];
    double[] length = new double[n];
    SplittableRandom random = new SplittableRandom(4);
    int row = 0;
    for (int g = 0; g < SIZES.length; g++) {
      for (int i = 0; i < SIZES[g]; i++, row++) {
        labels[row] = g;
        group[row] = "g" + g;
        length[row] = 40 + 5 * g + random.nextGaussian();
      }
    }

    return ModelFitter.fit(
            Samples.table(Samples.strings("group", group), Samples.doubles("length", length)),
            settings,
            Samples.fixedLabels(labels))
        .model();
  }

  @Test
  void aSmallSampleKeepsComponentsOfATenthOfItsRows() {
    TableModel model = fit(FitSettings.defaults());
    assertThat(model.dependence().componentCount()).isEqualTo(3);
    assertThat(model.properties()).containsEntry("min-component-rows", "34");
  }

  @Test
  void aMinimumSetByTheUserHolds() {
    TableModel model = fit(FitSettings.builder().minComponentRows(100).build());
    assertThat(model.dependence().componentCount()).isEqualTo(2);
    assertThat(model.properties()).containsEntry("min-component-rows", "100");
  }

  @Test
  void theDefaultIsAHundredRowsFromAThousandRowsUp() {
    assertThat(FitSettings.defaults().minComponentRows(1_000)).isEqualTo(100);
    assertThat(FitSettings.defaults().minComponentRows(100_000)).isEqualTo(100);
    assertThat(FitSettings.defaults().minComponentRows(500)).isEqualTo(50);
    assertThat(FitSettings.defaults().minComponentRows(120)).isEqualTo(30);
  }
}
