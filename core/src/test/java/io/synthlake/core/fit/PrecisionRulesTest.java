package io.synthlake.core.fit;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlake.core.generate.CollectingSink;
import io.synthlake.core.generate.Generated;
import io.synthlake.core.math.Stats;
import io.synthlake.core.model.NumericColumn;
import io.synthlake.core.model.NumericFormat;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.types.ColumnKind;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Generated numbers keep the observed bounds and precision, and arrive in the column's storage
 * form.
 */
class PrecisionRulesTest {
  private static final int N = 5000;
  private static final int GENERATED = 10_000;

  private static NumericFormat format(TableModel model, String column) {
    return ((NumericColumn) model.column(column)).format();
  }

  /** Every generated row of {@code sink} is a non-null long within [min, max]; returns them. */
  private static long[] longsWithin(CollectingSink sink, double min, double max) {
    long[] values = new long[sink.size()];
    for (int row = 0; row < sink.size(); row++) {
      assertThat(sink.form(row)).as("row %d", row).isEqualTo(CollectingSink.Form.LONG);
      values[row] = sink.longValue(row);
      assertThat((double) values[row]).as("row %d", row).isBetween(min, max);
    }

    return values;
  }

  private static java.util.List<Long> boxed(long[] values) {
    return Arrays.stream(values).boxed().collect(java.util.stream.Collectors.toList());
  }

  @Test
  void anIntColumnGeneratesWholeNumbersWithinTheObservedRange() {
    SplittableRandom random = new SplittableRandom(1);
    double[] age = new double[N];
    for (int i = 0; i < N; i++) {
      age[i] = Math.max(18, Math.min(90, Math.round(40 + 12 * random.nextGaussian())));
    }

    TableModel model = Samples.fitSingle(Samples.ints("age", age)).model();

    assertThat(model.column("age").kind()).isEqualTo(ColumnKind.INTEGER);
    NumericFormat format = format(model, "age");
    double min = Arrays.stream(age).min().getAsDouble();
    double max = Arrays.stream(age).max().getAsDouble();
    assertThat(format.min()).isEqualTo(min);
    assertThat(format.max()).isEqualTo(max);
    assertThat(format.step()).isEqualTo(1);
    long[] generated = longsWithin(Generated.of(model, 3, GENERATED).column("age"), min, max);
    // The distribution survives too: KS at alpha = 0.001 (conservative for a discrete column).
    assertThat(Stats.ks(age, Arrays.stream(generated).asDoubleStream().toArray()))
        .isLessThan(Stats.ksCritical(N, GENERATED));
  }

  @Test
  void aDoubleColumnWithTwoDecimalsGeneratesAtMostTwoDecimals() {
    SplittableRandom random = new SplittableRandom(2);
    double[] price = new double[N];
    for (int i = 0; i < N; i++) {
      price[i] = Math.round(Math.exp(3 + random.nextGaussian()) * 100) / 100.0;
    }

    TableModel model = Samples.fitSingle(Samples.doubles("price", price)).model();

    assertThat(format(model, "price").decimals()).isEqualTo(2);
    CollectingSink sink = Generated.of(model, 3, GENERATED).column("price");
    int withCents = 0;
    for (int row = 0; row < GENERATED; row++) {
      double value = sink.doubleValue(row);
      assertThat(BigDecimal.valueOf(value).stripTrailingZeros().scale())
          .as("%s", value)
          .isLessThanOrEqualTo(2);
      assertThat(value).isBetween(format(model, "price").min(), format(model, "price").max());
      withCents += BigDecimal.valueOf(value).stripTrailingZeros().scale() == 2 ? 1 : 0;
    }

    // Not rounded too far: most values have a non-zero second decimal.
    assertThat(withCents).isGreaterThan(GENERATED / 2);
  }

  @Test
  void aDecimalColumnEmitsUnscaledLongs() {
    SplittableRandom random = new SplittableRandom(3);
    double[] amount = new double[N];
    for (int i = 0; i < N; i++) {
      amount[i] = Math.round((50 + 400 * random.nextDouble()) * 100) / 100.0;
    }

    DataType decimal = DataType.decimal(10, 2);
    TableModel model = Samples.fitSingle(Samples.numbers("amount", decimal, amount)).model();

    assertThat(model.column("amount").kind()).isEqualTo(ColumnKind.CONTINUOUS);
    assertThat(model.column("amount").type()).isEqualTo(decimal);
    NumericFormat format = format(model, "amount");
    assertThat(format.decimals()).isEqualTo(2);
    long[] unscaled =
        longsWithin(
            Generated.of(model, 3, GENERATED).column("amount"),
            Math.round(format.min() * 100),
            Math.round(format.max() * 100));
    // Unscaled means cents: values are around 5,000 to 45,000, and most are not whole units.
    assertThat(Arrays.stream(unscaled).min().getAsLong()).isLessThan(6000);
    assertThat(Arrays.stream(unscaled).max().getAsLong()).isGreaterThan(44_000);
    assertThat(Arrays.stream(unscaled).filter(v -> v % 100 != 0).count())
        .isGreaterThan(GENERATED * 9 / 10);
  }

  @Test
  void datesStayWholeDaysWithinTheObservedRange() {
    long first = LocalDate.of(2020, 1, 1).toEpochDay();
    long last = LocalDate.of(2024, 12, 31).toEpochDay();
    SplittableRandom random = new SplittableRandom(4);
    double[] days = new double[N];
    for (int i = 0; i < N; i++) {
      days[i] = first + random.nextLong(last - first + 1);
    }

    TableModel model =
        Samples.fitSingle(Samples.numbers("signup", DataType.of(LogicalType.DATE), days)).model();

    assertThat(model.column("signup").kind()).isEqualTo(ColumnKind.DATE);
    assertThat(format(model, "signup").step()).isEqualTo(1);
    double min = Arrays.stream(days).min().getAsDouble();
    double max = Arrays.stream(days).max().getAsDouble();
    long[] generated = longsWithin(Generated.of(model, 3, GENERATED).column("signup"), min, max);
    assertThat(Stats.ks(days, Arrays.stream(generated).asDoubleStream().toArray()))
        .isLessThan(Stats.ksCritical(N, GENERATED));
  }

  @Test
  void timestampsOfWholeSecondsGenerateWholeSeconds() {
    long start = 1_700_000_000L * 1_000_000L;
    SplittableRandom random = new SplittableRandom(5);
    double[] seconds = new double[N];
    double[] days = new double[N];
    double[] millis = new double[N];
    for (int i = 0; i < N; i++) {
      // Whole seconds, but not all whole minutes.
      seconds[i] = start + random.nextLong(30L * 86_400) * 1_000_000L;
      days[i] = start / 86_400_000_000L * 86_400_000_000L + random.nextLong(1000) * 86_400_000_000L;
      millis[i] = start + random.nextLong(3_600_000L) * 1000L;
    }

    TableModel model =
        Samples.fitSingle(
                Samples.numbers("seen", DataType.of(LogicalType.TIMESTAMP), seconds),
                Samples.numbers("day", DataType.of(LogicalType.TIMESTAMP_NTZ), days),
                Samples.numbers("ms", DataType.of(LogicalType.TIMESTAMP), millis))
            .model();

    assertThat(model.column("seen").kind()).isEqualTo(ColumnKind.TIMESTAMP);
    assertThat(format(model, "seen").step()).isEqualTo(1_000_000);
    assertThat(format(model, "day").step()).isEqualTo(86_400_000_000L);
    assertThat(format(model, "ms").step()).isEqualTo(1000);
    Generated rows = Generated.of(model, 3, GENERATED);
    long[] generatedSeconds =
        longsWithin(rows.column("seen"), format(model, "seen").min(), format(model, "seen").max());
    assertThat(boxed(generatedSeconds)).allMatch(v -> v % 1_000_000L == 0);
    // Not coarser than the data: seconds within the minute vary.
    assertThat(Arrays.stream(generatedSeconds).filter(v -> v % 60_000_000L != 0).count())
        .isGreaterThan(GENERATED / 2);
    assertThat(
            boxed(
                longsWithin(
                    rows.column("day"), format(model, "day").min(), format(model, "day").max())))
        .allMatch(v -> v % 86_400_000_000L == 0);
    assertThat(
            boxed(
                longsWithin(
                    rows.column("ms"), format(model, "ms").min(), format(model, "ms").max())))
        .allMatch(v -> v % 1000L == 0)
        .anyMatch(v -> v % 1_000_000L != 0);
  }
}
