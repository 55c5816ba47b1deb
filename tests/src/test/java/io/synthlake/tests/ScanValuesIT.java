package io.synthlake.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlake.core.generate.ColumnSink;
import io.synthlake.core.generate.TableSampler;
import io.synthlake.core.model.ColumnModel;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.spec.SpecCompiler;
import io.synthlake.core.types.DataType;
import io.synthlake.spark.GenerateOptions;
import io.synthlake.spark.SpecGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Spark reads from the {@code synthlake} source (through its column vectors) is, value for
 * value and type for type, what core's sampler writes for the same model and seed: every column
 * type, nulls, dictionary strings, byte strings and decimals of every width.
 */
class ScanValuesIT {
  private static final int ROWS = 2 * TableSampler.BLOCK_ROWS + 321;
  private static final long SEED = 11;
  private static SparkSession spark;

  @TempDir Path temp;

  @BeforeAll
  static void session() {
    spark = SharedSpark.session();
    // Dates, instants and local date-times as java.time values, which map one to one onto core's
    // numbers.
    spark.conf().set("spark.sql.datetime.java8API.enabled", "true");
  }

  @AfterAll
  static void defaults() {
    spark.conf().unset("spark.sql.datetime.java8API.enabled");
  }

  @Test
  void everyTypeReadsAsCoreWritesIt() throws IOException {
    assertSameValues(Path.of("src", "test", "resources", "every-type.yaml"));
  }

  @Test
  void wideAndNarrowDecimalsAndFakerStringsReadAsCoreWritesThem() throws IOException {
    assertSameValues(decimalsSpec());
  }

  /**
   * Spark's generated aggregation code keeps the objects a column vector hands it (a global max
   * holds the Decimal it was given as its running value), so every row's Decimal must be an object
   * of its own, never one reused and overwritten: this is the check that a reused Decimal, about
   * 15% faster to noop, fails. (Strings would send the aggregate to Spark's sort-based one, which
   * reads copied rows, so they are left out of this query.)
   */
  @Test
  void aggregatesKeepEachRowsDecimals() throws IOException {
    Path spec = decimalsSpec();
    TableModel model = model(spec);
    Object[][] expected = coreValues(model);
    List<String> names = model.columns().stream().map(ColumnModel::name).toList();

    Dataset<Row> aggregates =
        generated(spec).selectExpr("max(narrow)", "min(narrow)", "max(huge)", "min(huge)");
    assertThat(aggregates.queryExecution().executedPlan().toString()).contains("HashAggregate");
    Row row = aggregates.first();

    int column = 0;
    for (String name : List.of("narrow", "huge")) {
      List<BigDecimal> values =
          Arrays.stream(expected[names.indexOf(name)])
              .filter(Objects::nonNull)
              .map(BigDecimal.class::cast)
              .sorted()
              .toList();
      assertThat(values).as(name).hasSizeGreaterThan(ROWS / 2);
      assertThat(row.get(column++)).as("max(%s)", name).isEqualTo(values.get(values.size() - 1));
      assertThat(row.get(column++)).as("min(%s)", name).isEqualTo(values.get(0));
    }
  }

  private Path decimalsSpec() throws IOException {
    Path spec = temp.resolve("decimals.yaml");
    Files.writeString(
        spec,
        String.join(
            "\n",
            "format: synthlake-model",
            "format-version: 1",
            "columns:",
            "  - {name: id, type: long, key: {style: sequence}}",
            "  - {name: huge, type: 'decimal(24,3)', null-share: 0.1, distribution: {type: normal, mean: 1000000, sd: 300000}}",
            "  - {name: narrow, type: 'decimal(5,1)', min: 0, max: 9999, distribution: {type: uniform, min: 0, max: 9999}}",
            "  - {name: city, type: string, distribution: {type: faker, provider: Address.city, pool: 50}}",
            ""));
    return spec;
  }

  private static TableModel model(Path spec) throws IOException {
    return SpecCompiler.read(Files.readString(spec), spec.toString(), SEED, ROWS).model();
  }

  /**
   * What Spark reads from the source for the spec, with the seed core's values use, in 3
   * partitions.
   */
  private static Dataset<Row> generated(Path spec) {
    return SpecGenerator.generate(
        spark,
        spec.toAbsolutePath().toString(),
        ROWS,
        GenerateOptions.defaults().withSeed(SEED).withPartitions(3));
  }

  private void assertSameValues(Path spec) throws IOException {
    TableModel model = model(spec);
    Object[][] expected = coreValues(model);

    List<Row> rows = generated(spec).collectAsList();

    assertThat(rows).hasSize(ROWS);
    List<ColumnModel> columns = model.columns();
    for (int r = 0; r < ROWS; r++) {
      for (int c = 0; c < columns.size(); c++) {
        Object actual = rows.get(r).get(rows.get(r).fieldIndex(columns.get(c).name()));
        assertThat(actual)
            .as("row %d, column %s", r, columns.get(c).name())
            .isEqualTo(expected[c][r]);
      }
    }
  }

  /** Core's values, as the Java objects Spark returns for each type. */
  private static Object[][] coreValues(TableModel model) {
    List<ColumnModel> columns = model.columns();
    Object[][] values = new Object[columns.size()][ROWS];
    ValueSink[] sinks = new ValueSink[columns.size()];
    for (int c = 0; c < sinks.length; c++) {
      sinks[c] = new ValueSink(columns.get(c).type(), values[c]);
    }

    TableSampler.BlockWriter writer = TableSampler.of(model, SEED).newBlockWriter();
    for (long block = 0; block * TableSampler.BLOCK_ROWS < ROWS; block++) {
      int first = Math.toIntExact(block * TableSampler.BLOCK_ROWS);
      for (ValueSink sink : sinks) {
        sink.first = first;
      }

      writer.write(block, Math.min(TableSampler.BLOCK_ROWS, ROWS - first), sinks);
    }

    return values;
  }

  /** Turns core's number forms into Spark's external values. */
  private static final class ValueSink implements ColumnSink {
    private final DataType type;
    private final Object[] values;
    private int first;

    ValueSink(DataType type, Object[] values) {
      this.type = type;
      this.values = values;
    }

    @Override
    public void putNull(int row) {
      values[first + row] = null;
    }

    @Override
    public void putLong(int row, long value) {
      Object external;
      switch (type.logicalType()) {
        case BYTE:
          external = (byte) value;
          break;
        case SHORT:
          external = (short) value;
          break;
        case INT:
          external = (int) value;
          break;
        case DECIMAL:
          external = BigDecimal.valueOf(value, type.scale());
          break;
        case DATE:
          external = LocalDate.ofEpochDay(value);
          break;
        case TIMESTAMP:
          external = Instant.EPOCH.plus(value, ChronoUnit.MICROS);
          break;
        case TIMESTAMP_NTZ:
          external =
              LocalDateTime.ofInstant(Instant.EPOCH.plus(value, ChronoUnit.MICROS), ZoneOffset.UTC);
          break;
        default:
          external = value;
      }

      values[first + row] = external;
    }

    @Override
    public void putDouble(int row, double value) {
      values[first + row] =
          type.logicalType() == io.synthlake.core.types.LogicalType.FLOAT
              ? (Object) (float) value
              : (Object) value;
    }

    @Override
    public void putBoolean(int row, boolean value) {
      values[first + row] = value;
    }

    @Override
    public void putUtf8(int row, byte[] bytes, int offset, int length) {
      values[first + row] = new String(bytes, offset, length, StandardCharsets.UTF_8);
    }
  }
}
