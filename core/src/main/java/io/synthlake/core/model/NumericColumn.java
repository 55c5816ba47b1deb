package io.synthlake.core.model;

import io.synthlake.core.types.ColumnKind;
import io.synthlake.core.types.DataType;
import java.util.List;

/** A continuous, integer, date or timestamp column: one distribution per mixture component, one shared format. */
public final class NumericColumn implements ColumnModel {
  private final String name;
  private final DataType type;
  private final ColumnKind kind;
  private final NumericFormat format;
  private final List<NumericDistribution> components;

  private NumericColumn(String name, DataType type, ColumnKind kind, NumericFormat format, List<NumericDistribution> components) {
    this.name = name;
    this.type = type;
    this.kind = kind;
    this.format = format;
    this.components = List.copyOf(components);
  }

  public static NumericColumn of(String name, DataType type, ColumnKind kind, NumericFormat format, List<NumericDistribution> components) {
    if (!kind.isNumeric() || !type.logicalType().isNumeric()) {
      throw new IllegalArgumentException("column '" + name + "': kind " + kind.jsonName() + " with type " + type + " is not numeric");
    }

    if (components.isEmpty()) {
      throw new IllegalArgumentException("column '" + name + "' needs at least one component distribution");
    }

    return new NumericColumn(name, type, kind, format, components);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public DataType type() {
    return type;
  }

  @Override
  public ColumnKind kind() {
    return kind;
  }

  public NumericFormat format() {
    return format;
  }

  public List<NumericDistribution> components() {
    return components;
  }
}
