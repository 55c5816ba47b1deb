package io.synthlake.examples;

import io.synthlake.core.evaluate.EvaluationResult;
import io.synthlake.core.evaluate.EvaluationSettings;
import io.synthlake.spark.Evaluation;
import io.synthlake.spark.FitOptions;
import io.synthlake.spark.GenerateOptions;
import io.synthlake.spark.SynthesisModel;
import io.synthlake.spark.Synthesizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Is the synthetic data any good? Hold out a fifth of a real table, fit on the rest, generate as
 * many rows, and compare them with both: every figure beside what the unseen real rows achieve.
 * Writes an HTML report and the JSON figures.
 *
 * <p>Arguments: input CSV (default examples/data/penguins.csv), working directory (default
 * target/example), target column for ML utility (default Species).
 */
public final class EvaluateSynthetic {
  private EvaluateSynthetic() {}

  public static void main(String[] args) throws IOException {
    String input = args.length > 0 ? args[0] : "examples/data/penguins.csv";
    String work = args.length > 1 ? args[1] : "target/example";
    String target = args.length > 2 ? args[2] : "Species";

    SparkSession spark = LocalSpark.session();
    Dataset<Row> real =
        spark.read().option("header", "true").option("inferSchema", "true").csv(input);
    Dataset<Row>[] split = real.randomSplit(new double[] {0.8, 0.2}, 1);
    Dataset<Row> train = split[0].cache();
    Dataset<Row> holdout = split[1].cache();

    SynthesisModel model = Synthesizer.fit(train, FitOptions.builder().seed(1).build());
    Dataset<Row> synthetic = model.generate(spark, train.count(), GenerateOptions.defaults());
    EvaluationResult result =
        Evaluation.evaluate(
            train, holdout, synthetic, EvaluationSettings.defaults().withTarget(target));

    System.out.print(Evaluation.summary(result));
    Files.createDirectories(Path.of(work));
    Files.writeString(
        Path.of(work, "report.html"), Evaluation.htmlReport(result, "Evaluation of " + input));
    Files.writeString(Path.of(work, "metrics.json"), Evaluation.json(result));
    System.out.println("Report: " + Path.of(work, "report.html"));
  }
}
