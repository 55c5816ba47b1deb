package io.synthlake.spark;

import io.synthlake.core.format.ModelJson;
import io.synthlake.core.model.ColumnModel;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.types.ColumnKind;
import io.synthlake.spark.internal.ModelFiles;
import io.synthlake.spark.source.ModelCache;
import io.synthlake.spark.source.SynthlakeSource;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * A fitted model: saved as versioned JSON (docs/model-format.md), loaded back, and generating rows
 * as a Spark DataFrame. Immutable. Get one from {@link Synthesizer#fit} or {@link #load}.
 *
 * <pre>{@code
 * SynthesisModel model = SynthesisModel.load(spark, "s3a://bucket/models/orders.json");
 * System.out.println(model.describe());
 * Dataset<Row> rows = model.generate(spark, 1_000_000L, GenerateOptions.defaults().withSeed(7));
 * }</pre>
 */
@PublicApi
public final class SynthesisModel {
  private final TableModel model;
  private final String json;

  /**
   * The model as the data source knows it: computed once, handed over in-process by {@link
   * #generate}.
   */
  private final ModelCache.Entry shared;

  SynthesisModel(TableModel model) {
    this.model = model;
    this.json = ModelJson.toJson(model);
    this.shared = ModelCache.share(model, json);
  }

  /** Wraps a core model (a spec's, for {@link SpecGenerator}). */
  static SynthesisModel of(TableModel model) {
    return new SynthesisModel(model);
  }

  /**
   * Loads a model file from any Hadoop file system (local, HDFS, S3, ABFS, …), with {@code spark}'s
   * configuration.
   *
   * @param spark the Spark session (its Hadoop configuration reaches the file system)
   * @param path the model file, on any Hadoop file system
   * @return the model
   */
  public static SynthesisModel load(SparkSession spark, String path) {
    return new SynthesisModel(
        ModelJson.fromJson(
            ModelFiles.read(path, spark.sparkContext().hadoopConfiguration()), path));
  }

  /**
   * Saves the model as versioned JSON to any Hadoop file system, with {@code spark}'s
   * configuration.
   *
   * @param spark the Spark session (its Hadoop configuration reaches the file system)
   * @param path the model file to write, on any Hadoop file system
   */
  public void save(SparkSession spark, String path) {
    ModelFiles.write(path, json, spark.sparkContext().hadoopConfiguration());
  }

  /**
   * Exactly {@code rows} rows, generated on the executors from the broadcast model: rows {@code
   * options.firstRow()} to {@code options.firstRow() + rows - 1} of the seed's stream. The same
   * seed gives the same rows whatever the number of partitions. Nothing is generated until a query
   * reads the rows, and only the columns it reads. With {@link GenerateOptions#where} every row
   * satisfies the condition.
   *
   * @param spark the Spark session (its Hadoop configuration reaches the file system)
   * @param rows how many rows to generate
   * @param options the seed, and optionally the partition count and first row
   * @return the rows, as a lazy DataFrame
   */
  public Dataset<Row> generate(SparkSession spark, long rows, GenerateOptions options) {
    var reader =
        spark
            .read()
            .format(SynthlakeSource.NAME)
            .option("model-key", shared.key())
            .option("rows", Long.toString(rows))
            .option("seed", Long.toString(options.seed()));
    if (options.firstRow() > 0) {
      reader = reader.option("first-row", Long.toString(options.firstRow()));
    }

    if (options.partitions() > 0) {
      reader = reader.option("partitions", Integer.toString(options.partitions()));
    }

    if (options.where() != null) {
      reader = reader.option("where", options.where());
    }

    if (options.edgeCases().isPresent()) {
      reader =
          reader
              .option("edge-cases", Double.toString(options.edgeCases().getAsDouble()))
              .option("edge-case-columns", String.join(",", options.edgeCaseColumns()))
              .option("edge-case-not-null", String.join(",", options.edgeCaseNotNull()));
    }

    return reader.load();
  }

  /** The core model, for this package's classes. */
  TableModel model() {
    return model;
  }

  /**
   * The names of the generated columns, in order.
   *
   * @return the column names
   */
  public List<String> columns() {
    return model.columns().stream().map(ColumnModel::name).toList();
  }

  /**
   * The Spark schema of the generated rows: the model's columns, in order, every one nullable.
   *
   * @return the schema
   */
  public StructType schema() {
    return SynthlakeSource.schema(model);
  }

  /**
   * How {@code column} is modelled (continuous, categorical, key, …); fails naming the columns if
   * there is none.
   *
   * @param column a column name
   * @return the column's kind
   */
  public ColumnKind kind(String column) {
    return model.column(column).kind();
  }

  /**
   * The number of Gaussian-copula mixture components the model generates from.
   *
   * @return the component count
   */
  public int componentCount() {
    return model.dependence().componentCount();
  }

  /**
   * What the fitter recorded (sampled rows, component selection, created-by, …), as in the model
   * file.
   *
   * @return the properties, by name
   */
  public Map<String, String> properties() {
    return model.properties();
  }

  /**
   * The model as versioned JSON, exactly what {@link #save} writes.
   *
   * @return the JSON text
   */
  public String toJson() {
    return json;
  }

  /**
   * A human-readable summary of every column model and of the dependence.
   *
   * @return the description, several lines
   */
  public String describe() {
    return ModelDescription.of(model);
  }
}
