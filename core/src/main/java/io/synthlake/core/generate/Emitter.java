package io.synthlake.core.generate;

import io.synthlake.core.types.DataType;
import java.math.BigDecimal;

/** Writes a number-form value to a sink in the column's storage form (chosen once per column, not per value). */
interface Emitter {
  void emit(ColumnSink sink, int row, double value);

  static Emitter forType(DataType type) {
    switch (type.logicalType()) {
      case BOOLEAN:
        return (sink, row, value) -> sink.putBoolean(row, value != 0);
      case FLOAT:
      case DOUBLE:
        return ColumnSink::putDouble;
      case DECIMAL:
        double scale = Math.pow(10, type.scale());
        if (type.precision() <= 15) {
          return (sink, row, value) -> sink.putLong(row, Math.round(value * scale));
        }

        // Beyond 15 digits a double cannot carry the unscaled value exactly; round through BigDecimal.
        return (sink, row, value) -> sink.putLong(row, BigDecimal.valueOf(value).movePointRight(type.scale())
            .setScale(0, java.math.RoundingMode.HALF_EVEN).longValue());
      default:
        return (sink, row, value) -> sink.putLong(row, (long) value);
    }
  }
}
