package io.synthlake.spark.internal;

import io.delta.tables.DeltaTable;
import io.synthlake.core.SynthlakeException;
import io.synthlake.core.generate.ColumnSink;
import io.synthlake.core.generate.TableSampler;
import io.synthlake.core.model.ColumnModel;
import io.synthlake.core.model.KeyColumn;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.types.LogicalType;
import io.synthlake.spark.OutputFormat;
import io.synthlake.spark.WriteMode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Appends that keep a table's keys unique. Row i of a seed's stream always gets the same keys, so a
 * second append with the same seed would repeat every key of the first. An append therefore starts
 * after the table's rows (its row count: Delta answers it from the statistics in its log, Parquet
 * from file footers, CSV and JSON by reading), and is refused, before any row is generated, when a
 * key it would write is already in the table: for sequences, when its range of values meets the
 * table's (one min/max aggregate of each sequence column); for UUID, code and random keys, when the
 * table holds the key of the run's first or last row (one filtered read of each such column).
 */
public final class AppendKeys {
  private final Dataset<Row> table;
  private final String name;

  private AppendKeys(Dataset<Row> table, String name) {
    this.table = table;
    this.name = name;
  }

  /**
   * The existing table at {@code target} (a path, or a catalog table when {@code catalog}), read
   * with the output's {@code schema} where the format has none of its own; empty when there is no
   * table yet.
   */
  public static Optional<AppendKeys> of(
      SparkSession spark, String target, boolean catalog, OutputFormat format, StructType schema) {
    if (catalog) {
      return spark.catalog().tableExists(target)
          ? Optional.of(new AppendKeys(spark.table(target), "table " + target))
          : Optional.empty();
    }

    Path path = new Path(target);
    try {
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(path)) {
        return Optional.empty();
      }

      // The writer's own check, made before reading: a directory of other files is refused, not
      // read as a table.
      new OutputDirectory(fs, path, target).checkHolds(format, WriteMode.APPEND);
    } catch (IOException e) {
      throw new SynthlakeException(
          "cannot check whether " + target + " exists: " + e.getMessage(), e);
    }

    if (format == OutputFormat.DELTA) {
      return DeltaTable.isDeltaTable(spark, target)
          ? Optional.of(new AppendKeys(spark.read().format("delta").load(target), target))
          : Optional.empty();
    }

    // The output's schema: no inference pass over CSV or JSON, and an empty directory reads as no
    // rows.
    return Optional.of(
        new AppendKeys(
            spark
                .read()
                .format(format.sparkName())
                .option("header", "true")
                .schema(schema)
                .load(target),
            target));
  }

  /**
   * The key columns of {@code model} that the output (of {@code schema}) holds under their own
   * names.
   */
  public static List<KeyColumn> keys(TableModel model, StructType schema) {
    List<String> names = List.of(schema.fieldNames());
    List<KeyColumn> keys = new ArrayList<>();
    for (ColumnModel column : model.columns()) {
      if (column instanceof KeyColumn && names.contains(column.name())) {
        keys.add((KeyColumn) column);
      }
    }

    return keys;
  }

  /** The table's row count: where an append continues the seed's stream. */
  public long rows() {
    return table.count();
  }

  /**
   * Refuses, in one line naming the column and what to pass, a run of rows {@code firstRow} to
   * {@code firstRow + rows - 1} whose {@code keys} would repeat a key already in the table.
   */
  public void checkNoRepeat(
      TableModel model, long seed, long firstRow, long rows, List<KeyColumn> keys) {
    long lastRow = firstRow + rows - 1;
    List<KeyColumn> sequences =
        keys.stream().filter(key -> key.style() == KeyColumn.Style.SEQUENCE).toList();
    if (!sequences.isEmpty()) {
      List<Column> bounds = new ArrayList<>();
      for (KeyColumn key : sequences) {
        bounds.add(functions.min(number(key)));
        bounds.add(functions.max(number(key)));
      }

      Row existing =
          table.agg(bounds.get(0), bounds.subList(1, bounds.size()).toArray(Column[]::new)).first();
      for (int i = 0; i < sequences.size(); i++) {
        checkSequence(
            sequences.get(i),
            existing.getDecimal(2 * i),
            existing.getDecimal(2 * i + 1),
            firstRow,
            lastRow);
      }
    }

    for (KeyColumn key : keys) {
      if (key.style() != KeyColumn.Style.SEQUENCE) {
        Object first = keyOfRow(model, seed, key, firstRow);
        Object last = keyOfRow(model, seed, key, lastRow);
        Column column = functions.col(SparkTypes.quote(key.name()));
        List<Row> found =
            table.select(column).filter(column.isin(first, last)).limit(1).collectAsList();
        if (!found.isEmpty()) {
          Object held = found.get(0).get(0);
          throw SparkJobErrors.keyRepeats(
              key.name(),
              name,
              held,
              key.style().jsonName(),
              held.equals(first) ? firstRow : lastRow,
              seed);
        }
      }
    }
  }

  /**
   * A sequence key's number: the value itself, or a string key's digits after its prefix (null for
   * other strings).
   */
  private static Column number(KeyColumn key) {
    Column column = functions.col(SparkTypes.quote(key.name()));
    DataType whole = DataTypes.createDecimalType(38, 0);
    if (key.type().logicalType() != LogicalType.STRING) {
      return column.cast(whole);
    }

    return functions.when(
        column.startsWith(key.prefix()),
        column
            .substr(functions.lit(key.prefix().length() + 1), functions.lit(Integer.MAX_VALUE))
            .try_cast(whole));
  }

  private void checkSequence(
      KeyColumn key, BigDecimal min, BigDecimal max, long firstRow, long lastRow) {
    if (min == null || max == null) {
      return; // no key of this form in the table
    }

    BigInteger first = value(key, firstRow);
    BigInteger last = value(key, lastRow);
    BigInteger low = first.min(last);
    BigInteger high = first.max(last);
    if (low.compareTo(max.toBigInteger()) > 0 || high.compareTo(min.toBigInteger()) < 0) {
      return;
    }

    // The first row whose key is past every key of the table, in the direction of the step.
    BigInteger step = BigInteger.valueOf(key.step());
    BigInteger start = BigInteger.valueOf(key.start());
    BigInteger past =
        step.signum() > 0
            ? max.toBigInteger().subtract(start).divide(step).add(BigInteger.ONE)
            : start.subtract(min.toBigInteger()).divide(step.negate()).add(BigInteger.ONE);
    throw SparkJobErrors.sequenceKeyRepeats(
        key.name(),
        name,
        shown(key, first),
        shown(key, last),
        firstRow,
        lastRow,
        shown(key, min.toBigInteger()),
        shown(key, max.toBigInteger()),
        past.max(BigInteger.ZERO));
  }

  private static BigInteger value(KeyColumn key, long row) {
    return BigInteger.valueOf(key.start())
        .add(BigInteger.valueOf(row).multiply(BigInteger.valueOf(key.step())));
  }

  private static String shown(KeyColumn key, BigInteger number) {
    return key.type().logicalType() == LogicalType.STRING
        ? key.prefix() + number
        : number.toString();
  }

  /**
   * The value {@code key} gets in row {@code row}: its block is generated on the driver, that
   * column only.
   */
  private static Object keyOfRow(TableModel model, long seed, KeyColumn key, long row) {
    ColumnSink[] sinks = new ColumnSink[model.columns().size()];
    Object[] value = new Object[1];
    sinks[model.columns().indexOf(key)] =
        new ColumnSink() {
          @Override
          public void putNull(int r) {
            value[0] = null;
          }

          @Override
          public void putLong(int r, long v) {
            value[0] = v;
          }

          @Override
          public void putDouble(int r, double v) {
            value[0] = v;
          }

          @Override
          public void putBoolean(int r, boolean v) {
            value[0] = v;
          }

          @Override
          public void putUtf8(int r, byte[] bytes, int offset, int length) {
            value[0] = new String(bytes, offset, length, StandardCharsets.UTF_8);
          }
        };
    long block = row / TableSampler.BLOCK_ROWS;
    TableSampler.of(model, seed)
        .newBlockWriter()
        .write(block, (int) (row - block * TableSampler.BLOCK_ROWS), 1, sinks);
    return value[0];
  }
}
