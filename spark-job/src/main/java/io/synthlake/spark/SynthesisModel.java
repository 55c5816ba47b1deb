package io.synthlake.spark;

import io.synthlake.core.format.ModelJson;
import io.synthlake.core.model.TableModel;
import io.synthlake.spark.internal.ModelFiles;
import io.synthlake.spark.source.ModelCache;
import io.synthlake.spark.source.SynthlakeSource;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** A fitted model: saved as versioned JSON, loaded back, and generating rows as a Spark DataFrame. Immutable. */
public final class SynthesisModel {
  private final TableModel model;
  private final String json;
  /** The model as the data source knows it: computed once, handed over in-process by {@link #generate}. */
  private final ModelCache.Entry shared;

  SynthesisModel(TableModel model) {
    this.model = model;
    this.json = ModelJson.toJson(model);
    this.shared = ModelCache.share(model, json);
  }

  /** Wraps a core model (for example one built from a spec). */
  public static SynthesisModel of(TableModel model) {
    return new SynthesisModel(model);
  }

  /** Loads a model file from any Hadoop file system (local, HDFS, S3, ABFS, …), with {@code spark}'s configuration. */
  public static SynthesisModel load(SparkSession spark, String path) {
    return new SynthesisModel(ModelJson.fromJson(ModelFiles.read(path, spark.sparkContext().hadoopConfiguration()), path));
  }

  /** Saves the model as versioned JSON to any Hadoop file system, with {@code spark}'s configuration. */
  public void save(SparkSession spark, String path) {
    ModelFiles.write(path, json, spark.sparkContext().hadoopConfiguration());
  }

  /**
   * Exactly {@code rows} rows, generated on the executors from the broadcast model: rows {@code options.firstRow()} to
   * {@code options.firstRow() + rows - 1} of the seed's stream. The same seed gives the same rows whatever the number of
   * partitions.
   */
  public Dataset<Row> generate(SparkSession spark, long rows, GenerateOptions options) {
    var reader = spark.read().format(SynthlakeSource.NAME)
        .option("model-key", shared.key())
        .option("rows", Long.toString(rows))
        .option("seed", Long.toString(options.seed()));
    if (options.firstRow() > 0) {
      reader = reader.option("first-row", Long.toString(options.firstRow()));
    }

    if (options.partitions() > 0) {
      reader = reader.option("partitions", Integer.toString(options.partitions()));
    }

    return reader.load();
  }

  public TableModel model() {
    return model;
  }

  public String toJson() {
    return json;
  }

  /** A human-readable summary of every column model and of the dependence. */
  public String describe() {
    return ModelDescription.of(model);
  }
}
