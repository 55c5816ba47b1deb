package io.synthlake.core.fit;

import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import java.util.List;

/** Builders for sample columns and tables in tests. */
public final class Samples {
  private Samples() {}

  public static SampleColumn numbers(String name, DataType type, double[] values) {
    return SampleColumn.numbers(name, type, values, new boolean[values.length]);
  }

  public static SampleColumn doubles(String name, double[] values) {
    return numbers(name, DataType.of(LogicalType.DOUBLE), values);
  }

  public static SampleColumn ints(String name, double[] values) {
    return numbers(name, DataType.of(LogicalType.INT), values);
  }

  public static SampleColumn booleans(String name, boolean[] values) {
    double[] numbers = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      numbers[i] = values[i] ? 1 : 0;
    }

    return numbers(name, DataType.of(LogicalType.BOOLEAN), numbers);
  }

  public static SampleColumn strings(String name, String[] values) {
    return SampleColumn.strings(name, values);
  }

  public static SampleTable table(SampleColumn... columns) {
    return SampleTable.of(List.of(columns));
  }

  /** Fits with default settings and the plain Gaussian copula. */
  public static FitResult fitSingle(SampleColumn... columns) {
    return ModelFitter.fit(table(columns), FitSettings.defaults(), ScoreClusterer.single());
  }

  /** A clusterer that returns fixed labels, standing in for the MLlib one of the Spark module. */
  public static ScoreClusterer fixedLabels(int[] labels) {
    return (scores, maxClusters, seed) ->
        new ScoreClusterer.Clustering(labels.clone(), "fixed test labels");
  }
}
