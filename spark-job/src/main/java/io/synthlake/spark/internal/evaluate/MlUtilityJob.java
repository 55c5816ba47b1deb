package io.synthlake.spark.internal.evaluate;

import io.synthlake.core.evaluate.ColumnBinning;
import io.synthlake.core.evaluate.EvaluationResult.MlUtility;
import io.synthlake.core.evaluate.EvaluationSettings;
import io.synthlake.spark.internal.SparkJobErrors;
import io.synthlake.spark.internal.SparkTypes;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.RandomForestClassifier;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.evaluation.RegressionEvaluator;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.regression.RandomForestRegressor;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;

/**
 * Train-synthetic-test-real with Spark MLlib: a random forest trained on synthetic rows and one
 * trained on as many training rows, both scored on holdout rows. A categorical target is a
 * classification scored by AUC (one-vs-rest, weighted by each class's holdout share, when there are
 * more than two classes); a numeric target is a regression scored by R².
 */
final class MlUtilityJob {
  static final int TREES = 40;
  static final int DEPTH = 8;

  /**
   * Categories beyond the fine binning's most frequent values become "(other)", so maxBins bounds
   * every feature.
   */
  static final int MAX_BINS = EvaluationSettings.FINE_CATEGORIES + 28;

  private static final String LABEL = "__label";
  private static final String FEATURES = "__features";

  private MlUtilityJob() {}

  static MlUtility measure(
      Dataset<Row> train,
      long trainRows,
      Dataset<Row> holdout,
      long holdoutRows,
      Dataset<Row> synthetic,
      long syntheticRows,
      List<ColumnBinning> columns,
      String target,
      EvaluationSettings settings) {
    int targetIndex = -1;
    for (int c = 0; c < columns.size(); c++) {
      if (columns.get(c).name().equals(target)) {
        targetIndex = c;
      }
    }

    if (targetIndex < 0) {
      throw SparkJobErrors.unknownTarget(target);
    }

    boolean classification = !columns.get(targetIndex).isNumeric();
    long rows = Math.min(settings.utilityRows(), trainRows);
    Dataset<Row> trainSample =
        prepare(
            Samples.atMost(train, trainRows, rows, settings.seed()),
            columns,
            targetIndex,
            classification);
    Dataset<Row> syntheticSample =
        prepare(
            Samples.atMost(synthetic, syntheticRows, rows, settings.seed() + 1),
            columns,
            targetIndex,
            classification);
    Dataset<Row> holdoutSample =
        prepare(
            Samples.atMost(holdout, holdoutRows, settings.utilityRows(), settings.seed() + 2),
            columns,
            targetIndex,
            classification);
    trainSample.persist(StorageLevel.MEMORY_AND_DISK());
    syntheticSample.persist(StorageLevel.MEMORY_AND_DISK());
    holdoutSample.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      List<String> categorical = new ArrayList<>();
      List<String> numeric = new ArrayList<>();
      for (int c = 0; c < columns.size(); c++) {
        if (c != targetIndex) {
          (columns.get(c).isNumeric() ? numeric : categorical).add(feature(c));
        }
      }

      // Indexers are fitted on the training rows and shared, so both forests see the same feature
      // encoding.
      List<PipelineStage> encoding = new ArrayList<>();
      List<String> assembled = new ArrayList<>(numeric);
      if (!categorical.isEmpty()) {
        List<String> indexed = categorical.stream().map(name -> name + "_index").toList();
        encoding.add(
            new StringIndexer()
                .setInputCols(categorical.toArray(new String[0]))
                .setOutputCols(indexed.toArray(new String[0]))
                .setHandleInvalid("keep"));
        assembled.addAll(indexed);
      }

      if (classification) {
        encoding.add(
            new StringIndexer()
                .setInputCol(feature(targetIndex))
                .setOutputCol(LABEL)
                .setHandleInvalid("skip"));
      }

      encoding.add(
          new VectorAssembler()
              .setInputCols(assembled.toArray(new String[0]))
              .setOutputCol(FEATURES));
      PipelineModel encoder =
          new Pipeline().setStages(encoding.toArray(new PipelineStage[0])).fit(trainSample);
      Dataset<Row> encodedTrain = encoder.transform(trainSample);
      Dataset<Row> encodedSynthetic = encoder.transform(syntheticSample);
      Dataset<Row> encodedHoldout = encoder.transform(holdoutSample);
      double onTraining;
      double onSynthetic;
      if (classification) {
        int classes =
            ((StringIndexerModel) encoder.stages()[encoding.size() - 2]).labelsArray()[0].length;
        onTraining = auc(classifier(settings).fit(encodedTrain).transform(encodedHoldout), classes);
        onSynthetic =
            auc(classifier(settings).fit(encodedSynthetic).transform(encodedHoldout), classes);
      } else {
        onTraining = r2(regressor(settings).fit(encodedTrain).transform(encodedHoldout));
        onSynthetic = r2(regressor(settings).fit(encodedSynthetic).transform(encodedHoldout));
      }

      return new MlUtility(
          target,
          classification ? "classification" : "regression",
          "random forest (" + TREES + " trees, depth " + DEPTH + ")",
          classification ? "AUC" : "R2",
          onSynthetic,
          onTraining,
          trainSample.count(),
          syntheticSample.count(),
          holdoutSample.count());
    } finally {
      trainSample.unpersist();
      syntheticSample.unpersist();
      holdoutSample.unpersist();
    }
  }

  private static String feature(int column) {
    return "__f" + column;
  }

  /**
   * Renames the columns to safe names, fills numeric nulls (and NaN) with the training median, and
   * folds rare categories into "(other)" and nulls into "(null)". A regression drops rows without a
   * target value.
   */
  private static Dataset<Row> prepare(
      Dataset<Row> projected, List<ColumnBinning> columns, int target, boolean classification) {
    List<Column> prepared = new ArrayList<>();
    for (int c = 0; c < columns.size(); c++) {
      ColumnBinning binning = columns.get(c);
      Column column = functions.col(SparkTypes.quote(binning.name()));
      if (binning.isNumeric()) {
        Column present = functions.nanvl(column, functions.lit(null).cast("double"));
        prepared.add(
            c == target
                ? present.alias(LABEL)
                : functions.coalesce(present, functions.lit(binning.median())).alias(feature(c)));
      } else {
        prepared.add(
            functions
                .when(column.isNull(), "(null)")
                .when(column.isin(binning.values().toArray()), column)
                .otherwise("(other)")
                .alias(feature(c)));
      }
    }

    Dataset<Row> result = projected.select(prepared.toArray(new Column[0]));
    return classification ? result : result.where(functions.col(LABEL).isNotNull());
  }

  private static RandomForestClassifier classifier(EvaluationSettings settings) {
    return new RandomForestClassifier()
        .setLabelCol(LABEL)
        .setFeaturesCol(FEATURES)
        .setNumTrees(TREES)
        .setMaxDepth(DEPTH)
        .setMaxBins(MAX_BINS)
        .setSeed(settings.seed());
  }

  private static RandomForestRegressor regressor(EvaluationSettings settings) {
    return new RandomForestRegressor()
        .setLabelCol(LABEL)
        .setFeaturesCol(FEATURES)
        .setNumTrees(TREES)
        .setMaxDepth(DEPTH)
        .setMaxBins(MAX_BINS)
        .setSeed(settings.seed());
  }

  /** Binary AUC, or the one-vs-rest AUCs weighted by each class's share of the scored rows. */
  private static double auc(Dataset<Row> scored, int classes) {
    scored.persist(StorageLevel.MEMORY_AND_DISK());
    try {
      BinaryClassificationEvaluator evaluator =
          new BinaryClassificationEvaluator().setMetricName("areaUnderROC");
      Column probabilities =
          org.apache.spark.ml.functions.vector_to_array(functions.col("probability"), "float64");
      if (classes == 2) {
        return evaluator
            .setLabelCol(LABEL)
            .setRawPredictionCol("__score")
            .evaluate(scored.withColumn("__score", probabilities.getItem(1)));
      }

      long rows = scored.count();
      long covered = 0;
      double weighted = 0;
      for (int k = 0; k < classes; k++) {
        Dataset<Row> oneVsRest =
            scored.select(
                probabilities.getItem(k).alias("__score"),
                functions
                    .when(functions.col(LABEL).equalTo(k), 1.0)
                    .otherwise(0.0)
                    .alias("__is_class"));
        long positives = oneVsRest.where(functions.col("__is_class").equalTo(1.0)).count();
        if (positives > 0 && positives < rows) {
          weighted +=
              positives
                  * evaluator
                      .setLabelCol("__is_class")
                      .setRawPredictionCol("__score")
                      .evaluate(oneVsRest);
          covered += positives;
        }
      }

      return covered == 0 ? Double.NaN : weighted / covered;
    } finally {
      scored.unpersist();
    }
  }

  private static double r2(Dataset<Row> scored) {
    return new RegressionEvaluator()
        .setLabelCol(LABEL)
        .setPredictionCol("prediction")
        .setMetricName("r2")
        .evaluate(scored);
  }
}
