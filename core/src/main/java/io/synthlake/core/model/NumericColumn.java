package io.synthlake.core.model;

import io.synthlake.core.Errors;
import io.synthlake.core.types.ColumnKind;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import java.util.List;

/**
 * A continuous, integer, date or timestamp column: one distribution per mixture component, one
 * shared format, and for a timestamp column with a real time of day, that time of day modelled
 * apart ({@code timeOfDay}, else null).
 */
public record NumericColumn(
    String name,
    DataType type,
    ColumnKind kind,
    NumericFormat format,
    List<NumericDistribution> components,
    TimeOfDay timeOfDay)
    implements ColumnModel {
  public NumericColumn {
    if (!kind.isNumeric() || !type.logicalType().isNumeric()) {
      throw Errors.invalidColumn(
          name,
          "kind",
          "kind %s with type %s is not numeric; give a numeric kind and type, or model "
              + "the column as categories",
          kind.jsonName(),
          type);
    }

    if (components.isEmpty()) {
      throw Errors.invalidColumn(
          name,
          "components",
          "needs at least one component distribution, one per mixture component");
    }

    components = List.copyOf(components);
    if (timeOfDay != null) {
      if (kind != ColumnKind.TIMESTAMP
          || type.logicalType() != LogicalType.TIMESTAMP
              && type.logicalType() != LogicalType.TIMESTAMP_NTZ) {
        throw Errors.invalidColumn(
            name,
            "time-of-day",
            "is of kind %s and type %s, but only a timestamp column has a time of day; remove "
                + "the field",
            kind.jsonName(),
            type);
      }

      if (timeOfDay.components().size() != components.size()) {
        throw Errors.invalidColumn(
            name,
            "time-of-day",
            "has %d time-of-day distributions for %d components; give one per component",
            timeOfDay.components().size(),
            components.size());
      }
    }
  }

  public static NumericColumn of(
      String name,
      DataType type,
      ColumnKind kind,
      NumericFormat format,
      List<NumericDistribution> components) {
    return new NumericColumn(name, type, kind, format, components, null);
  }

  /** The same column with its time of day modelled apart by {@code value} (null: not). */
  public NumericColumn withTimeOfDay(TimeOfDay value) {
    return new NumericColumn(name, type, kind, format, components, value);
  }
}
