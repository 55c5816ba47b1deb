package io.synthlake.spark.internal.evaluate;

import io.synthlake.core.evaluate.ClosestRecords;
import io.synthlake.core.evaluate.EvaluationResult.LeakedCategory;
import io.synthlake.core.evaluate.RecordDistance;
import io.synthlake.core.evaluate.TableProfile;
import io.synthlake.spark.internal.SparkTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The privacy figures: distance to closest record, exact copies and rare categories that leaked.
 */
final class PrivacyJob {
  /** Training tables with at most this many distinct rows are broadcast for the exact-copy join. */
  static final long BROADCAST_ROWS = 10_000_000L;

  private PrivacyJob() {}

  /**
   * Samples {@code referenceRows} rows from training and as many from holdout, and {@code
   * syntheticRows} synthetic rows; encodes them on the driver; then the executors find each
   * synthetic row's nearest neighbour in both references.
   */
  static ClosestRecords closestRecords(
      Tables tables,
      RecordDistance distance,
      int columns,
      long referenceRows,
      long sampleRows,
      long seed) {
    long trainRows = tables.trainRows();
    long holdoutRows = tables.holdoutRows();
    long reference = Math.min(referenceRows, Math.min(trainRows, holdoutRows));
    RecordDistance.Encoder encoder = distance.encoder();
    double[][] trainCodes =
        encode(tables.train(), tables.trainLocal(), trainRows, reference, seed, columns, encoder);
    double[][] holdoutCodes =
        encode(
            tables.holdout(),
            tables.holdoutLocal(),
            holdoutRows,
            reference,
            seed + 1,
            columns,
            encoder);
    double[][] syntheticCodes =
        encode(
            tables.synthetic(),
            tables.syntheticLocal(),
            tables.syntheticRows(),
            sampleRows,
            seed + 2,
            columns,
            encoder);
    Dataset<Row> train = tables.train();
    if (syntheticCodes.length == 0 || trainCodes.length == 0 || holdoutCodes.length == 0) {
      return ClosestRecords.of(new double[0], new double[0]);
    }

    JavaSparkContext context =
        JavaSparkContext.fromSparkContext(train.sparkSession().sparkContext());
    Broadcast<double[][][]> references =
        context.broadcast(new double[][][] {trainCodes, holdoutCodes});
    List<double[]> syntheticRowsList = Arrays.asList(syntheticCodes);
    JavaRDD<double[]> queries =
        context.parallelize(syntheticRowsList, Math.max(1, context.defaultParallelism() * 4));
    List<double[]> nearest =
        queries
            .map(
                row ->
                    new double[] {
                      distance.nearest(row, references.value()[0]),
                      distance.nearest(row, references.value()[1])
                    })
            .collect();
    references.destroy();
    double[] toTrain = nearest.stream().mapToDouble(pair -> pair[0]).toArray();
    double[] toHoldout = nearest.stream().mapToDouble(pair -> pair[1]).toArray();
    return ClosestRecords.of(toTrain, toHoldout);
  }

  /**
   * The codes of a seeded sample of at most {@code n} rows: the whole table when it has no more,
   * read from its collected rows when it was collected, else drawn by Spark.
   */
  private static double[][] encode(
      Dataset<Row> table,
      List<Object[]> local,
      long tableRows,
      long n,
      long seed,
      int columns,
      RecordDistance.Encoder encoder) {
    if (local != null && tableRows <= n) {
      return local.stream().map(encoder::encode).toArray(double[][]::new);
    }

    List<Row> rows = Samples.atMost(table, tableRows, n, seed).collectAsList();
    double[][] codes = new double[rows.size()][];
    for (int i = 0; i < codes.length; i++) {
      codes[i] = encoder.encode(Profiler.values(rows.get(i), columns));
    }

    return codes;
  }

  /**
   * How many rows of each collected table equal some collected training row over the compared
   * columns: the exact-copy counts of {@link #exactCopies(Dataset, List)} without the hash.
   */
  static long[] exactCopies(List<Object[]> train, List<List<Object[]>> tables) {
    Set<List<Object>> trainRows = new HashSet<>();
    for (Object[] row : train) {
      trainRows.add(Arrays.asList(row));
    }

    long[] copies = new long[tables.size()];
    for (int t = 0; t < copies.length; t++) {
      for (Object[] row : tables.get(t)) {
        copies[t] += trainRows.contains(Arrays.asList(row)) ? 1 : 0;
      }
    }

    return copies;
  }

  /**
   * The three projected tables with their row counts, and each one's collected rows when it is
   * small (else null).
   */
  record Tables(
      Dataset<Row> train,
      long trainRows,
      List<Object[]> trainLocal,
      Dataset<Row> holdout,
      long holdoutRows,
      List<Object[]> holdoutLocal,
      Dataset<Row> synthetic,
      long syntheticRows,
      List<Object[]> syntheticLocal) {
    boolean allLocal() {
      return trainLocal != null && holdoutLocal != null && syntheticLocal != null;
    }
  }

  /**
   * For each table, how many of its rows equal some row of {@code train} over the compared columns,
   * by a 64-bit hash of the row (a false match among 10^8 × 10^7 rows has probability about
   * 5·10^-5). The training hashes are computed once; then one pass per table, with the hashes
   * broadcast when they fit, so a large table is never shuffled.
   */
  static long[] exactCopies(Dataset<Row> train, List<Dataset<Row>> tables) {
    Dataset<Row> trainHashes = hashes(train).distinct().persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> right =
          trainHashes.count() <= BROADCAST_ROWS ? functions.broadcast(trainHashes) : trainHashes;
      long[] copies = new long[tables.size()];
      for (int t = 0; t < copies.length; t++) {
        copies[t] =
            hashes(tables.get(t))
                .join(right, CollectionConverters.asScala(List.of("row_hash")).toSeq(), "left_semi")
                .count();
      }

      return copies;
    } finally {
      trainHashes.unpersist();
    }
  }

  private static Dataset<Row> hashes(Dataset<Row> projected) {
    return projected.select(functions.xxhash64(columns(projected)).alias("row_hash"));
  }

  private static Column[] columns(Dataset<Row> projected) {
    return Arrays.stream(projected.columns())
        .map(name -> functions.col(SparkTypes.quote(name)))
        .toArray(Column[]::new);
  }

  /** The rare training categories the synthetic profile saw, most frequent first. */
  static List<LeakedCategory> leaked(
      TableProfile synthetic, List<String> names, List<Map<String, Long>> trainCounts) {
    List<LeakedCategory> leaked = new ArrayList<>();
    for (int c = 0; c < names.size(); c++) {
      Map<String, Long> counts = trainCounts.get(c);
      for (Map.Entry<String, Long> seen : synthetic.rareSeen(c).entrySet()) {
        leaked.add(
            new LeakedCategory(
                names.get(c),
                seen.getKey(),
                counts.getOrDefault(seen.getKey(), 0L),
                seen.getValue()));
      }
    }

    leaked.sort((a, b) -> Long.compare(b.syntheticCount(), a.syntheticCount()));
    return leaked;
  }
}
