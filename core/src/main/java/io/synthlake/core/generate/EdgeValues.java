package io.synthlake.core.generate;

import io.synthlake.core.model.CategoricalColumn;
import io.synthlake.core.model.ColumnGroup;
import io.synthlake.core.model.ColumnModel;
import io.synthlake.core.model.NumericColumn;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import io.synthlake.core.types.Values;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The boundary values of one column, in its storage form (the forms of {@link ColumnSink}): null,
 * the limits of the type and of the column's range, and per type the values pipelines trip on.
 * Dates and timestamps stay where Spark, Parquet and Delta write them without a calendar rebase
 * (from 1900-01-02 to 9999-12-30, in any zone).
 */
final class EdgeValues {
  /** Characters of the long string: longer than any usual VARCHAR limit, small beside a block. */
  static final int LONG_TEXT = 10_000;

  private static final long MICROS_PER_SECOND = 1_000_000L;

  /** One boundary value: writes itself into a sink's row. */
  interface Value {
    void put(ColumnSink sink, int row);
  }

  private EdgeValues() {}

  /** The values of {@code column}, null among them when {@code nullable}. */
  static Value[] of(ColumnModel column, boolean nullable, ZoneId zone) {
    List<Value> values = new ArrayList<>();
    if (nullable) {
      values.add(ColumnSink::putNull);
    }

    DataType type = column.type();
    double[] range = range(column);
    switch (type.logicalType()) {
      case BOOLEAN:
        values.add((sink, row) -> sink.putBoolean(row, true));
        values.add((sink, row) -> sink.putBoolean(row, false));
        break;
      case BYTE:
      case SHORT:
      case INT:
      case LONG:
        longs(
            values,
            (long) type.logicalType().minValue(),
            (long) type.logicalType().maxValue(),
            0,
            -1,
            1);
        rangeLongs(values, range, 1);
        break;
      case FLOAT:
        doubles(
            values,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            -0.0,
            Float.MIN_VALUE,
            Float.MAX_VALUE,
            -Float.MAX_VALUE);
        rangeDoubles(values, range);
        break;
      case DOUBLE:
        doubles(
            values,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            -0.0,
            Double.MIN_VALUE,
            Double.MAX_VALUE,
            -Double.MAX_VALUE);
        rangeDoubles(values, range);
        break;
      case DECIMAL:
        // Unscaled values: all nines at the column's precision (a long holds 18 of them), the
        // smallest step of its scale, zero.
        long nines = pow10(Math.min(type.precision(), 18)) - 1;
        longs(values, nines, -nines, 1, -1, 0);
        if (range != null && type.scale() <= 18) {
          long factor = pow10(type.scale());
          for (double end : range) {
            long unscaled = Math.round(end * factor);
            if (Math.abs(end * factor) < nines) {
              longs(values, unscaled);
            }
          }
        }

        break;
      case STRING:
        strings(values, strings(column));
        break;
      case DATE:
        longs(
            values,
            0,
            -1,
            LocalDate.of(1900, 1, 2).toEpochDay(),
            LocalDate.of(9999, 12, 30).toEpochDay(),
            LocalDate.of(2000, 2, 29).toEpochDay(),
            LocalDate.of(2024, 2, 29).toEpochDay(),
            LocalDate.of(2038, 1, 19).toEpochDay());
        rangeLongs(values, range, 1);
        break;
      case TIMESTAMP:
        longs(values, timestamps(zone));
        rangeLongs(values, range, 1);
        break;
      default:
        longs(values, wallTimes(zone));
        rangeLongs(values, range, 1);
    }

    return values.toArray(Value[]::new);
  }

  /**
   * The boundary values of a group's members, aligned: entry {@code j} of every member's array
   * belongs to one boundary tuple, so members that pick the same index hold a tuple the model
   * learned. The boundary tuples are the rarest and the commonest, and for each number member the
   * tuples holding its smallest and largest value; with {@code nullable}, every member null first.
   *
   * @param members the group's member columns, in the group's order
   */
  static Value[][] group(ColumnGroup group, List<ColumnModel> members, boolean nullable) {
    Set<Integer> tuples = new LinkedHashSet<>();
    double[] weight = new double[group.tupleCount()];
    for (int k = 0; k < group.componentCount(); k++) {
      double[] p = group.probabilities(k);
      for (int t = 0; t < weight.length; t++) {
        weight[t] += p[t];
      }
    }

    int rarest = 0;
    int commonest = 0;
    for (int t = 1; t < weight.length; t++) {
      rarest = weight[t] < weight[rarest] ? t : rarest;
      commonest = weight[t] > weight[commonest] ? t : commonest;
    }

    tuples.add(rarest);
    tuples.add(commonest);
    for (int m = 0; m < members.size(); m++) {
      DataType type = members.get(m).type();
      if (type.logicalType().isNumeric()) {
        int min = -1;
        int max = -1;
        double[] numbers = new double[weight.length];
        for (int t = 0; t < weight.length; t++) {
          String text = group.value(m, t);
          if (text != null) {
            numbers[t] = Values.parse(text, type, "column '" + members.get(m).name() + "' tuple");
            min = min < 0 || numbers[t] < numbers[min] ? t : min;
            max = max < 0 || numbers[t] > numbers[max] ? t : max;
          }
        }

        if (min >= 0) {
          tuples.add(min);
          tuples.add(max);
        }
      }
    }

    Value[][] values = new Value[members.size()][];
    for (int m = 0; m < members.size(); m++) {
      List<Value> memberValues = new ArrayList<>();
      if (nullable) {
        memberValues.add(ColumnSink::putNull);
      }

      for (int t : tuples) {
        memberValues.add(tupleValue(members.get(m), group.value(m, t)));
      }

      values[m] = memberValues.toArray(Value[]::new);
    }

    return values;
  }

  /** A member's value in a tuple, written as its generator writes it. */
  private static Value tupleValue(ColumnModel member, String text) {
    if (text == null) {
      return ColumnSink::putNull;
    }

    if (member.type().logicalType() == LogicalType.STRING) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      return (sink, row) -> sink.putUtf8(row, bytes, 0, bytes.length);
    }

    double number = Values.parse(text, member.type(), "column '" + member.name() + "' tuple");
    Emitter emitter = Emitter.forType(member.type());
    return (sink, row) -> emitter.emit(sink, row, number);
  }

  /** Instants as epoch microseconds, their calendar edges in {@code zone}. */
  static long[] timestamps(ZoneId zone) {
    List<Long> micros = new ArrayList<>();
    micros.add(0L);
    micros.add(micros(LocalDateTime.of(1900, 1, 2, 0, 0).atZone(zone).toInstant()));
    micros.add(
        micros(LocalDateTime.of(9999, 12, 30, 23, 59, 59, 999_999_000).atZone(zone).toInstant()));
    micros.add(micros(LocalDateTime.of(2024, 2, 29, 12, 0).atZone(zone).toInstant()));
    micros.add(
        micros(LocalDateTime.of(1999, 12, 31, 23, 59, 59, 999_999_000).atZone(zone).toInstant()));
    // Where 32-bit Unix seconds run out.
    micros.add((long) Integer.MAX_VALUE * MICROS_PER_SECOND);
    micros.add(((long) Integer.MAX_VALUE + 1) * MICROS_PER_SECOND);
    for (ZoneOffsetTransition transition : transitions(zone)) {
      long at = micros(transition.getInstant());
      // The last microsecond before the clocks change and the first after; in a repeated hour,
      // the same wall time once on each side.
      micros.add(at - 1);
      micros.add(at);
      long half = 30 * 60 * MICROS_PER_SECOND;
      micros.add(at - half);
      micros.add(at + half);
    }

    return micros.stream().mapToLong(Long::longValue).toArray();
  }

  /**
   * Wall times without a zone as microseconds of their UTC reading, among them the wall times that
   * do not exist or exist twice in {@code zone}.
   */
  static long[] wallTimes(ZoneId zone) {
    List<Long> micros = new ArrayList<>();
    micros.add(0L);
    micros.add(wall(LocalDateTime.of(1900, 1, 2, 0, 0)));
    micros.add(wall(LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000)));
    micros.add(wall(LocalDateTime.of(2024, 2, 29, 12, 0)));
    micros.add(wall(LocalDateTime.of(1999, 12, 31, 23, 59, 59, 999_999_000)));
    for (ZoneOffsetTransition transition : transitions(zone)) {
      // The middle of the gap (a wall time that never happens) or of the repeated hour.
      LocalDateTime before = transition.getDateTimeBefore();
      LocalDateTime after = transition.getDateTimeAfter();
      LocalDateTime earlier = before.isBefore(after) ? before : after;
      long minutes = Math.abs(ChronoUnit.MINUTES.between(before, after));
      micros.add(wall(earlier.plusMinutes(minutes / 2)));
    }

    return micros.stream().mapToLong(Long::longValue).toArray();
  }

  /** The zone's clock changes in 2024: none in a zone without daylight saving. */
  private static List<ZoneOffsetTransition> transitions(ZoneId zone) {
    List<ZoneOffsetTransition> transitions = new ArrayList<>();
    Instant from = LocalDateTime.of(2024, 1, 1, 0, 0).toInstant(ZoneOffset.UTC);
    Instant end = LocalDateTime.of(2025, 1, 1, 0, 0).toInstant(ZoneOffset.UTC);
    ZoneOffsetTransition next = zone.getRules().nextTransition(from);
    while (next != null && next.getInstant().isBefore(end) && transitions.size() < 4) {
      transitions.add(next);
      next = zone.getRules().nextTransition(next.getInstant());
    }

    return transitions;
  }

  private static long micros(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND), instant.getNano() / 1000);
  }

  private static long wall(LocalDateTime time) {
    return micros(time.toInstant(ZoneOffset.UTC));
  }

  /** Strings pipelines trip on, and the column's first category, repeated across rows. */
  private static List<String> strings(ColumnModel column) {
    List<String> strings = new ArrayList<>();
    strings.add("");
    strings.add(" ");
    strings.add("  padded  ");
    strings.add("x".repeat(LONG_TEXT));
    strings.add("Zoë Ångström – Łódź – 東京 – 😀");
    strings.add("مرحبا بالعالم 123");
    strings.add("שלום עולם");
    strings.add("e\u0301 combining, \u200Bzero width");
    strings.add("comma, \"quote\", 'apostrophe'");
    strings.add("line one\nline two\ttab");
    strings.add("NULL");
    strings.add("null");
    if (column instanceof CategoricalColumn categorical && !categorical.categories().isEmpty()) {
      strings.add(categorical.categories().get(0));
    }

    return strings;
  }

  private static void strings(List<Value> values, List<String> strings) {
    for (String text : strings) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      values.add((sink, row) -> sink.putUtf8(row, bytes, 0, bytes.length));
    }
  }

  private static void longs(List<Value> values, long... numbers) {
    for (long number : numbers) {
      values.add((sink, row) -> sink.putLong(row, number));
    }
  }

  private static void doubles(List<Value> values, double... numbers) {
    for (double number : numbers) {
      values.add((sink, row) -> sink.putDouble(row, number));
    }
  }

  /** The range's ends as whole numbers of {@code 1 / factor} (unscaled decimals, days, µs). */
  private static void rangeLongs(List<Value> values, double[] range, long factor) {
    if (range != null) {
      longs(values, Math.round(range[0] * factor), Math.round(range[1] * factor));
    }
  }

  private static void rangeDoubles(List<Value> values, double[] range) {
    if (range != null) {
      doubles(values, range[0], range[1]);
    }
  }

  /**
   * The observed or declared {min, max} of a number column, or of a number column's categories;
   * null when it has none.
   */
  private static double[] range(ColumnModel column) {
    if (column instanceof NumericColumn numeric) {
      return new double[] {numeric.format().min(), numeric.format().max()};
    }

    if (column instanceof CategoricalColumn categorical
        && column.type().logicalType().isNumeric()
        && !categorical.categories().isEmpty()) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (String category : categorical.categories()) {
        double value = Values.parse(category, column.type(), "column '" + column.name() + "'");
        min = Math.min(min, value);
        max = Math.max(max, value);
      }

      return new double[] {min, max};
    }

    return null;
  }

  private static long pow10(int exponent) {
    long result = 1;
    for (int i = 0; i < exponent; i++) {
      result = Math.multiplyExact(result, 10L);
    }

    return result;
  }
}
