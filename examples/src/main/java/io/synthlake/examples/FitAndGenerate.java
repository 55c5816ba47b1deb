package io.synthlake.examples;

import io.synthlake.spark.FitOptions;
import io.synthlake.spark.GenerateOptions;
import io.synthlake.spark.OutputFormat;
import io.synthlake.spark.SynthesisModel;
import io.synthlake.spark.Synthesizer;
import io.synthlake.spark.TableWriter;
import io.synthlake.spark.WriteMode;
import io.synthlake.spark.WriteOptions;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The Java API from a notebook's point of view: fit a model on a real table, save it, load it back,
 * generate rows into a Delta table and look at them.
 *
 * <p>Arguments: input CSV (default examples/data/penguins.csv), working directory (default
 * target/example), rows (default 100000).
 */
public final class FitAndGenerate {
  private FitAndGenerate() {}

  public static void main(String[] args) {
    String input = args.length > 0 ? args[0] : "examples/data/penguins.csv";
    String work = args.length > 1 ? args[1] : "target/example";
    long rows = args.length > 2 ? Long.parseLong(args[2]) : 100_000L;

    SparkSession spark = LocalSpark.session();
    Dataset<Row> real =
        spark.read().option("header", "true").option("inferSchema", "true").csv(input);

    SynthesisModel model =
        Synthesizer.fit(real, FitOptions.builder().sampleRows(50_000).seed(1).build());
    model.save(spark, work + "/model.json");
    System.out.println(model.describe());

    SynthesisModel loaded = SynthesisModel.load(spark, work + "/model.json");
    Dataset<Row> synthetic = loaded.generate(spark, rows, GenerateOptions.defaults().withSeed(7));
    TableWriter.toPath(
        synthetic,
        work + "/synthetic",
        WriteOptions.builder().format(OutputFormat.DELTA).mode(WriteMode.OVERWRITE).build());

    Dataset<Row> written = spark.read().format("delta").load(work + "/synthetic");
    System.out.printf("%d synthetic rows in %s%n", written.count(), work + "/synthetic");
    written.show(5, false);
  }
}
