package io.synthlake.spark.source;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.spec.CompiledSpec;
import io.synthlake.core.spec.Spec;
import io.synthlake.spark.GenerateOptions;
import io.synthlake.spark.SpecGenerator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.read.streaming.ReadLimit;
import org.apache.spark.sql.execution.streaming.Offset;
import org.apache.spark.sql.types.StructType;
import scala.Option;

/**
 * A stream of a spec's rows ({@code spark.readStream()} with the option {@code spec}), whose
 * offsets are row indexes: the micro-batch from row a to b is what {@link SpecGenerator} gives for
 * rows a to b - 1 (a batch read of the spec with that first row), derived columns and constraints
 * included, each batch checked by the same expression policy. Spark's older source interface,
 * because a spec's derived columns are Spark expressions over the generated columns, which a batch
 * of this interface (a DataFrame) can hold and a batch of the newer one (partitions of rows)
 * cannot.
 */
final class SpecStream implements PacedSource {
  private final Spec spec;
  private final GenerateOptions generate;
  private final StreamOptions options;
  private final String key;
  private final StructType schema;
  private final StreamPace pace;

  private SpecStream(
      Spec spec, GenerateOptions generate, StreamOptions options, String key, StructType schema) {
    this.spec = spec;
    this.generate = generate;
    this.options = options;
    this.key = key;
    this.schema = schema;
    this.pace = new StreamPace(options);
  }

  /**
   * The stream of the spec {@code text} (read from {@code path}) under {@code options}, conditioned
   * on {@code where} (or null); its schema is checked here, before the query starts.
   */
  static SpecStream of(
      SparkSession spark,
      String path,
      String text,
      CompiledSpec compiled,
      StreamOptions options,
      String where) {
    SynthlakeException.check(
        options.bounded || !compiled.usesRows(),
        "spec %s writes values as rows / k, which need the run's row count, and the stream has "
            + "none: give the stream the option 'rows'",
        path);
    // The spec's rows are those of the run once it is done, as for a batch read of the same rows.
    Spec spec = compiled.spec(options.seed, options.bounded ? options.endRow : 0);
    GenerateOptions generate =
        GenerateOptions.defaults()
            .withSeed(options.seed)
            .withPartitions(
                options.partitions.isPresent() ? (int) options.partitions.getAsLong() : 0)
            .where(where);
    StructType schema = SpecGenerator.generate(spark, spec, 1, generate).schema();
    return new SpecStream(
        spec,
        generate,
        options,
        // A spec whose rows depend on the run's size is another stream at another size.
        keyOf(text + "\nwhere " + where + (compiled.usesRows() ? "\nrows " + options.endRow : "")),
        schema);
  }

  static String keyOf(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return "spec-"
          + HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public StructType schema() {
    return schema;
  }

  @Override
  public void prepareForTriggerAvailableNow() {
    pace.availableNow();
  }

  /** The end of the next batch ({@link StreamPace}); Spark passes null before the first batch. */
  @Override
  public org.apache.spark.sql.connector.read.streaming.Offset latestOffset(
      org.apache.spark.sql.connector.read.streaming.Offset start, ReadLimit limit) {
    return new RowOffset(pace.next(row(start)), key, options.seed);
  }

  @Override
  public Dataset<Row> getBatch(Option<Offset> start, Offset end) {
    long first = start.isDefined() ? row(start.get()) : options.firstRow;
    long rows = row(end) - first;
    SparkSession spark = SparkSession.active();
    Dataset<Row> batch;
    if (rows <= 0) {
      batch = spark.createDataFrame(java.util.List.of(), schema);
    } else {
      batch = SpecGenerator.generate(spark, spec, rows, generate.withFirstRow(first));
    }

    return PacedSource.streamingFrame(spark, batch, schema);
  }

  @Override
  public void stop() {
    // Nothing to release.
  }

  /** The row an offset stands at: the first row for none, from a checkpoint's JSON or ours. */
  private long row(org.apache.spark.sql.connector.read.streaming.Offset offset) {
    if (offset == null) {
      return options.firstRow;
    }

    return offset instanceof RowOffset ours
        ? ours.row
        : RowOffset.parse(offset.json(), key, options.seed).row;
  }
}
