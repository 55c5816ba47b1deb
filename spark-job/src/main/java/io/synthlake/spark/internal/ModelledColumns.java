package io.synthlake.spark.internal;

import io.synthlake.core.Errors;
import io.synthlake.core.Setting;
import io.synthlake.core.SynthlakeException;
import io.synthlake.core.types.DataType;
import io.synthlake.spark.FitOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The columns of an input that a fit models, with their synthlake types: every column of a
 * supported type but the excluded ones; others are skipped with a warning or refused, as the
 * options say.
 */
public record ModelledColumns(List<String> names, List<DataType> types) {
  private static final Logger LOG = LoggerFactory.getLogger(ModelledColumns.class);

  /**
   * @param checkExclude whether every excluded column must be one of this input's (a single table's
   *     fit; a table set checks them against all its tables)
   * @param what the input as messages name it ("the input", "table 'orders'")
   */
  public static ModelledColumns of(
      Dataset<Row> input, FitOptions options, boolean checkExclude, String what) {
    List<String> available = Arrays.asList(input.columns());
    Set<String> seen = new HashSet<>();
    for (String name : available) {
      SynthlakeException.check(
          seen.add(name),
          "%s has two columns named '%s': rename one (for example with withColumnRenamed or a "
              + "select with aliases) before fitting",
          what,
          name);
    }

    for (String excluded : options.exclude()) {
      if (checkExclude && !available.contains(excluded)) {
        throw Errors.unknownColumn(Setting.EXCLUDE, excluded, available);
      }
    }

    List<String> names = new ArrayList<>();
    List<DataType> types = new ArrayList<>();
    List<String> unsupported = new ArrayList<>();
    for (StructField field : input.schema().fields()) {
      if (options.exclude().contains(field.name())) {
        continue;
      }

      DataType type = SparkTypes.toCore(field.dataType());
      if (type == null) {
        unsupported.add(field.name() + " (" + field.dataType().simpleString() + ")");
      } else {
        names.add(field.name());
        types.add(type);
      }
    }

    if (!unsupported.isEmpty()) {
      String list = String.join(", ", unsupported);
      if (options.unsupported() == FitOptions.UnsupportedColumns.FAIL) {
        throw SparkJobErrors.unsupportedColumns(list);
      }

      LOG.warn("Skipping columns of types synthlake cannot model in {}: {}", what, list);
    }

    SynthlakeException.check(
        !names.isEmpty(),
        "%s has no column synthlake can model (its columns: %s)",
        what,
        String.join(", ", available));
    return new ModelledColumns(List.copyOf(names), List.copyOf(types));
  }
}
