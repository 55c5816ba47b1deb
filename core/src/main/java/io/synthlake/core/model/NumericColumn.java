package io.synthlake.core.model;

import io.synthlake.core.Errors;
import io.synthlake.core.types.ColumnKind;
import io.synthlake.core.types.DataType;
import java.util.List;

/**
 * A continuous, integer, date or timestamp column: one distribution per mixture component, one
 * shared format.
 */
public record NumericColumn(
    String name,
    DataType type,
    ColumnKind kind,
    NumericFormat format,
    List<NumericDistribution> components)
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
  }

  public static NumericColumn of(
      String name,
      DataType type,
      ColumnKind kind,
      NumericFormat format,
      List<NumericDistribution> components) {
    return new NumericColumn(name, type, kind, format, components);
  }
}
