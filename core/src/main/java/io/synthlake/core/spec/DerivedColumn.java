package io.synthlake.core.spec;

import io.synthlake.core.types.DataType;

/** A spec column computed by a Spark SQL expression over other columns, after generation. */
public final class DerivedColumn {
  private final String name;
  private final DataType type;
  private final String expression;
  private final String where;

  public DerivedColumn(String name, DataType type, String expression, String where) {
    this.name = name;
    this.type = type;
    this.expression = expression;
    this.where = where;
  }

  public String name() {
    return name;
  }

  public DataType type() {
    return type;
  }

  public String expression() {
    return expression;
  }

  /** The spec field path, for error messages. */
  public String where() {
    return where;
  }
}
