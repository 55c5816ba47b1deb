package io.synthlake.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ML utility on a table of a few hundred rows: a classifier trained on synthetic penguins predicts
 * the sex of held-out real ones nearly as well as one trained on the real training rows.
 */
class SmallTableUtilityIT {
  @TempDir static Path temp;

  @Test
  void syntheticPenguinsPredictSexNearlyAsWellAsRealOnes() throws IOException {
    Path json = temp.resolve("penguins-sex.json");
    Cli.Result fit =
        Cli.run(
            "fit",
            "--input",
            SharedSpark.dataset("penguins.csv"),
            "--model",
            temp.resolve("penguins.json").toString(),
            "--holdout-share",
            "0.2",
            "--target",
            "Sex",
            "--json",
            json.toString(),
            "--seed",
            "42");

    assertThat(fit.status()).as(fit.err()).isZero();
    JsonNode figures = new ObjectMapper().readTree(json.toFile());
    double synthetic = figures.at("/ml-utility/trained-on-synthetic").asDouble();
    double real = figures.at("/ml-utility/trained-on-training").asDouble();
    // Split by species and sex, the gap is 0.031 at this seed; over seeds 1 to 8 and 42 (each its
    // own holdout of 53 rows) it is -0.024 to 0.053, mean 0.016, standard deviation 0.027
    // (docs/bench/small-tables.md). A bound of 0.07 is 2.0 deviations above the mean: a correct
    // fit would fail it at about 2 seeds in 100. The fit before the split (two score clusters)
    // left 0.22 here and more than 0.07 at 5 of those 9 seeds.
    assertThat(real - synthetic).as("TRTR %.3f - TSTR %.3f", real, synthetic).isLessThan(0.07);
    assertThat(figures.at("/privacy/exact-copies").asLong()).isZero();
    // Species x Sex: six components, where the score clusterer alone finds one or two.
    assertThat(components(temp.resolve("penguins.json"))).isEqualTo(6);
  }

  @Test
  void noCategorySplitsLeavesTheComponentsToTheClusterer() throws IOException {
    Path model = temp.resolve("penguins-unsplit.json");
    Cli.Result fit =
        Cli.run(
            "fit",
            "--input",
            SharedSpark.dataset("penguins.csv"),
            "--model",
            model.toString(),
            "--no-category-splits",
            "--seed",
            "42");

    assertThat(fit.status()).as(fit.err()).isZero();
    assertThat(components(model)).isLessThan(6);
  }

  private static int components(Path model) throws IOException {
    return new ObjectMapper().readTree(model.toFile()).at("/dependence/components").size();
  }
}
