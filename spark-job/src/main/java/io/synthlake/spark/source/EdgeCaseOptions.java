package io.synthlake.spark.source;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.generate.EdgeCases;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import java.io.Serializable;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The data source's edge-case options: {@code edge-cases} (the share of rows that become boundary
 * rows), {@code edge-case-columns} and {@code edge-case-not-null} (comma-separated column names).
 * Parsed on the driver into a serializable value that executors turn back into {@link EdgeCases}.
 */
final class EdgeCaseOptions {
  static final String SHARE = "edge-cases";
  static final String COLUMNS = "edge-case-columns";
  static final String NOT_NULL = "edge-case-not-null";

  /** What executors need to rebuild the edge cases: the zone is the driver session's. */
  record Settings(double share, List<String> columns, List<String> notNull, String zone)
      implements Serializable {
    EdgeCases edgeCases() {
      return EdgeCases.of(share)
          .withColumns(columns)
          .withNotNull(notNull)
          .withZone(ZoneId.of(zone));
    }
  }

  private EdgeCaseOptions() {}

  /** Whether the options ask for edge cases. */
  static boolean asked(Map<String, String> options) {
    return options.get(SHARE) != null;
  }

  /** The options' edge cases, in the active session's time zone; null when not asked for. */
  static Settings parse(Map<String, String> options) {
    String share = options.get(SHARE);
    if (share == null) {
      SynthlakeException.check(
          options.get(COLUMNS) == null && options.get(NOT_NULL) == null,
          "the options '%s' and '%s' refine the option '%s', which is missing; give its share, "
              + "such as 0.01",
          COLUMNS,
          NOT_NULL,
          SHARE);
      return null;
    }

    String zone = SparkSession.active().conf().get("spark.sql.session.timeZone");
    try {
      ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw SynthlakeException.of(
          "spark.sql.session.timeZone '%s' is not a zone edge cases can place timestamps in; set "
              + "a region such as Europe/Berlin or an offset such as +01:00",
          zone);
    }

    return new Settings(
        EdgeCases.parseShare(share, "option '" + SHARE + "'"),
        names(options.get(COLUMNS)),
        names(options.get(NOT_NULL)),
        zone);
  }

  /** A comma-separated list of column names; none when absent. */
  private static List<String> names(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }

    return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  /** The text of an option naming {@code columns}. */
  static String names(List<String> columns) {
    return String.join(",", columns);
  }

  /**
   * The model type of output column {@code column}: a model column's, or for the index after the
   * last, the marker's.
   */
  static DataType type(TableModel model, int column) {
    return column == model.columns().size()
        ? DataType.of(LogicalType.BOOLEAN)
        : model.columns().get(column).type();
  }

  /** {@code schema} with the marker column after the model's columns. */
  static StructType withMarker(StructType schema) {
    return schema.add(EdgeCases.MARKER, DataTypes.BooleanType, true);
  }
}
