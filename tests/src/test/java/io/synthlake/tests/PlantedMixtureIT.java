package io.synthlake.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlake.spark.FitOptions;
import io.synthlake.spark.GenerateOptions;
import io.synthlake.spark.SynthesisModel;
import io.synthlake.spark.Synthesizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * MLlib's GaussianMixture must find a planted two-cluster dependence with no label to help: x and y
 * correlate +0.8 in half the rows and -0.8 in the other half, so their overall correlation is 0 but
 * x² and y² correlate by about 0.8² = 0.64. One Gaussian copula cannot express that; the mixture
 * must.
 */
class PlantedMixtureIT {
  @Test
  void mixtureReproducesClusterSpecificCorrelation() {
    SparkSession spark = SharedSpark.session();
    Random random = new Random(17);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 4000; i++) {
      double rho = i % 2 == 0 ? 0.8 : -0.8;
      double x = random.nextGaussian();
      double y = rho * x + Math.sqrt(1 - rho * rho) * random.nextGaussian();
      rows.add(RowFactory.create(x, y));
    }

    Dataset<Row> real =
        spark.createDataFrame(
            rows, new StructType().add("x", DataTypes.DoubleType).add("y", DataTypes.DoubleType));
    SynthesisModel mixture = Synthesizer.fit(real, FitOptions.builder().seed(1).build());
    SynthesisModel single =
        Synthesizer.fit(real, FitOptions.builder().seed(1).maxComponents(1).build());
    assertThat(mixture.componentCount()).isGreaterThan(1);

    double realSquares = squareCorrelation(real);
    assertThat(realSquares).isGreaterThan(0.5);
    double mixtureSquares =
        squareCorrelation(mixture.generate(spark, 20_000, GenerateOptions.defaults()));
    double singleSquares =
        squareCorrelation(single.generate(spark, 20_000, GenerateOptions.defaults()));
    assertThat(mixtureSquares)
        .as("corr(x², y²) from the mixture")
        .isGreaterThan(realSquares - 0.15);
    assertThat(Math.abs(singleSquares)).as("corr(x², y²) from one copula").isLessThan(0.15);
  }

  private static double squareCorrelation(Dataset<Row> frame) {
    double[][] pairs = Stats.pairs(frame, "x", "y");
    double[] xx = new double[pairs[0].length];
    double[] yy = new double[pairs[0].length];
    for (int i = 0; i < xx.length; i++) {
      xx[i] = pairs[0][i] * pairs[0][i];
      yy[i] = pairs[1][i] * pairs[1][i];
    }

    return Stats.pearson(xx, yy);
  }
}
