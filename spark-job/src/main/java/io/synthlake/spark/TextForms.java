package io.synthlake.spark;

import io.synthlake.core.model.NumericFormat;
import io.synthlake.spark.internal.SparkTypes;
import io.synthlake.spark.source.GeneratedRows;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * The text CSV and JSON files hold for timestamps: the plainest form that keeps every value of a
 * column exactly, {@code 2001-04-30 08:57:00}, as a fitted CSV most often has them, rather than
 * Spark's {@code 2001-04-30T08:57:00.000Z}. A generated column's rounding step says which: whole
 * seconds, or {@code .SSS} or {@code .SSSSSS} when the step needs them. A column without a known
 * step (a spec's derived column, a categorical timestamp, rows that were not generated) is written
 * as Spark casts it to a string: the same form, with only the fraction each value needs. Values are
 * in the session time zone, as Spark read them, with no zone suffix. Dates keep Spark's default
 * {@code yyyy-MM-dd}.
 *
 * <p>The writer's {@code timestampFormat} option takes the form most of the columns need, and only
 * the others become strings in a projection: Spark's writer formats a typed timestamp a little
 * faster than {@code date_format} feeds it a string (4M rows of five columns, two of them
 * timestamps, to CSV: 1.045 times the time of the typed write with both projected, 1.006 with one).
 */
final class TextForms {
  private static final double SECOND = 1_000_000; // µs
  private static final double MILLISECOND = 1_000;

  private final Dataset<Row> rows;
  private final String timestampFormat;

  private TextForms(Dataset<Row> rows, String timestampFormat) {
    this.rows = rows;
    this.timestampFormat = timestampFormat;
  }

  /**
   * The rows to write: their timestamp columns in other forms than {@link #timestampFormat} as
   * text.
   */
  Dataset<Row> rows() {
    return rows;
  }

  /** The writer's pattern for the timestamp columns still typed, or null if there are none. */
  String timestampFormat() {
    return timestampFormat;
  }

  /** How {@code rows} go into a CSV or JSON file. */
  static TextForms of(Dataset<Row> rows) {
    StructField[] fields = rows.schema().fields();
    boolean any = false;
    for (StructField field : fields) {
      any |= isTimestamp(field) || field.dataType().equals(DataTypes.TimestampNTZType);
    }

    if (!any) {
      return new TextForms(rows, null);
    }

    Map<String, NumericFormat> formats = GeneratedRows.formats(rows);
    String[] patterns = new String[fields.length];
    Map<String, Integer> uses = new TreeMap<>();
    for (int i = 0; i < fields.length; i++) {
      if (isTimestamp(fields[i]) && formats.containsKey(fields[i].name())) {
        patterns[i] = pattern(formats.get(fields[i].name()));
        uses.merge(patterns[i], 1, Integer::sum);
      }
    }

    // The most used form, the finest on a tie (the longest pattern sorts last).
    String shared = null;
    for (Map.Entry<String, Integer> use : uses.entrySet()) {
      shared = shared == null || use.getValue() >= uses.get(shared) ? use.getKey() : shared;
    }

    Column[] projection = new Column[fields.length];
    boolean projected = false;
    for (int i = 0; i < fields.length; i++) {
      String name = fields[i].name();
      Column column = functions.col(SparkTypes.quote(name));
      if (patterns[i] != null) {
        projection[i] =
            patterns[i].equals(shared)
                ? column
                : functions.date_format(column, patterns[i]).as(name);
      } else if (isTimestamp(fields[i])
          || fields[i].dataType().equals(DataTypes.TimestampNTZType)) {
        // A timestamp without time zone keeps its wall-clock text: no zone to convert through.
        projection[i] = column.cast(DataTypes.StringType).as(name);
      } else {
        projection[i] = column;
      }

      projected |= projection[i] != column;
    }

    return new TextForms(projected ? rows.select(projection) : rows, shared);
  }

  /**
   * The pattern that holds every value {@code format} lets through: multiples of the step, unless
   * no multiple lies between the bounds, when the values are the bounds themselves.
   */
  static String pattern(NumericFormat format) {
    double step = format.step();
    int digits;
    if (step <= 0) {
      digits = 6;
    } else if (Math.ceil(format.min() / step) * step <= format.max()) {
      digits = digits(step);
    } else {
      digits = Math.max(digits(format.min()), digits(format.max()));
    }

    return switch (digits) {
      case 0 -> "yyyy-MM-dd HH:mm:ss";
      case 3 -> "yyyy-MM-dd HH:mm:ss.SSS";
      default -> "yyyy-MM-dd HH:mm:ss.SSSSSS";
    };
  }

  private static boolean isTimestamp(StructField field) {
    return field.dataType().equals(DataTypes.TimestampType);
  }

  /** The fraction digits a time of {@code micros} µs since the epoch needs: 0, 3 or 6. */
  private static int digits(double micros) {
    return micros % SECOND == 0 ? 0 : micros % MILLISECOND == 0 ? 3 : 6;
  }
}
