package io.synthlake.core.generate;

import io.synthlake.core.types.DataType;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Writes number-form values to a sink in the column's storage form, chosen once per column, not per
 * value.
 */
final class Emitter {
  private enum Form {
    BOOLEAN,
    DOUBLE,
    SCALED,
    WIDE_DECIMAL,
    LONG
  }

  private final Form form;
  private final double scale;
  private final int decimalScale;

  private Emitter(Form form, double scale, int decimalScale) {
    this.form = form;
    this.scale = scale;
    this.decimalScale = decimalScale;
  }

  static Emitter forType(DataType type) {
    switch (type.logicalType()) {
      case BOOLEAN:
        return new Emitter(Form.BOOLEAN, 1, 0);
      case FLOAT:
      case DOUBLE:
        return new Emitter(Form.DOUBLE, 1, 0);
      case DECIMAL:
        // Beyond 15 digits a double cannot carry the unscaled value exactly; those round through
        // BigDecimal.
        return new Emitter(
            type.precision() <= 15 ? Form.SCALED : Form.WIDE_DECIMAL,
            Math.pow(10, type.scale()),
            type.scale());
      default:
        return new Emitter(Form.LONG, 1, 0);
    }
  }

  void emit(ColumnSink sink, int row, double value) {
    switch (form) {
      case BOOLEAN:
        sink.putBoolean(row, value != 0);
        break;
      case DOUBLE:
        sink.putDouble(row, value);
        break;
      case SCALED:
        sink.putLong(row, Math.round(value * scale));
        break;
      case WIDE_DECIMAL:
        sink.putLong(row, wideUnscaled(value));
        break;
      default:
        sink.putLong(row, (long) value);
    }
  }

  /**
   * Writes {@code values[0..rows)} to rows 0 to rows - 1, in bulk where the form allows, and nulls
   * to the ascending {@code nullRows[0..nullCount)}; {@code longs} is scratch.
   */
  void emitAll(
      ColumnSink sink, double[] values, int rows, int[] nullRows, int nullCount, long[] longs) {
    switch (form) {
      case DOUBLE:
        sink.putDoubles(values, rows, nullRows, nullCount);
        break;
      case SCALED:
        for (int r = 0; r < rows; r++) {
          longs[r] = Math.round(values[r] * scale);
        }

        sink.putLongs(longs, rows, nullRows, nullCount);
        break;
      case LONG:
        for (int r = 0; r < rows; r++) {
          longs[r] = (long) values[r];
        }

        sink.putLongs(longs, rows, nullRows, nullCount);
        break;
      default:
        NullRows.forEach(sink, rows, nullRows, nullCount, r -> emit(sink, r, values[r]));
    }
  }

  private long wideUnscaled(double value) {
    return BigDecimal.valueOf(value)
        .movePointRight(decimalScale)
        .setScale(0, RoundingMode.HALF_EVEN)
        .longValue();
  }
}
