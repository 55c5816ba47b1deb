package io.synthlake.spark.source;

import io.synthlake.core.model.NumericFormat;
import java.util.Optional;
import org.apache.spark.sql.types.StructType;

/** A scan whose blocks writers can fill their files with directly, without Spark's rows. */
interface DirectScan extends CountedScan {
  /**
   * What the scan generates for a query that reads its columns {@code outputColumns} (indexes into
   * the scan's read schema) under the names and types of {@code outputSchema}.
   */
  GeneratedRows describe(StructType outputSchema, int[] outputColumns);

  /**
   * How the model rounds column {@code readColumn} (an index into the read schema), when the model
   * draws it from a distribution; empty for keys and columns computed from others.
   */
  Optional<NumericFormat> format(int readColumn);
}
