package io.synthlake.core.model;

import io.synthlake.core.types.ColumnKind;
import io.synthlake.core.types.DataType;

/** One output column of a fitted (or specified) model. Immutable. */
public interface ColumnModel {
  String name();

  DataType type();

  ColumnKind kind();
}
