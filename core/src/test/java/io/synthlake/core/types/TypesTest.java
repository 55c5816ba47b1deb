package io.synthlake.core.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthlake.core.SynthlakeException;
import org.junit.jupiter.api.Test;

class TypesTest {
  @Test
  void dataTypesParseWhatTheyWrite() {
    for (LogicalType type : LogicalType.values()) {
      if (type != LogicalType.DECIMAL) {
        assertThat(DataType.parse(DataType.of(type).toString(), "x")).isEqualTo(DataType.of(type));
      }
    }

    assertThat(DataType.decimal(10, 2).toString()).isEqualTo("decimal(10,2)");
    assertThat(DataType.parse(" Decimal( 10 , 2 ) ", "x")).isEqualTo(DataType.decimal(10, 2));
    assertThat(DataType.parse("timestamp-ntz", "x").logicalType())
        .isEqualTo(LogicalType.TIMESTAMP_NTZ);
  }

  @Test
  void badDataTypesNameTheField() {
    assertThatThrownBy(() -> DataType.parse("varchar", "m.json: columns[3].type"))
        .isInstanceOf(SynthlakeException.class)
        .hasMessageContaining("m.json: columns[3].type: unknown type 'varchar'");
    assertThatThrownBy(() -> DataType.decimal(40, 2))
        .hasMessageContaining("decimal(40,2) is not a valid decimal type");
    assertThatThrownBy(() -> DataType.of(LogicalType.DECIMAL))
        .hasMessageContaining("precision and scale");
  }

  @Test
  void valuesFormatAndParseTheirNumberForms() {
    assertThat(Values.format(18262, DataType.of(LogicalType.DATE))).isEqualTo("2020-01-01");
    assertThat(Values.parse("2020-01-01", DataType.of(LogicalType.DATE), "x")).isEqualTo(18262);
    assertThat(Values.format(1_500_000, DataType.of(LogicalType.TIMESTAMP)))
        .isEqualTo("1970-01-01T00:00:01.500Z");
    assertThat(Values.parse("1970-01-01T00:00:01.500Z", DataType.of(LogicalType.TIMESTAMP), "x"))
        .isEqualTo(1_500_000);
    assertThat(Values.format(-1, DataType.of(LogicalType.TIMESTAMP_NTZ)))
        .isEqualTo("1969-12-31T23:59:59.999999");
    assertThat(
            Values.parse("1969-12-31T23:59:59.999999", DataType.of(LogicalType.TIMESTAMP_NTZ), "x"))
        .isEqualTo(-1);
    assertThat(Values.format(1, DataType.of(LogicalType.BOOLEAN))).isEqualTo("true");
    assertThat(Values.parse("FALSE", DataType.of(LogicalType.BOOLEAN), "x")).isZero();
    assertThat(Values.format(12.5, DataType.decimal(10, 2))).isEqualTo("12.50");
    assertThat(Values.format(42, DataType.of(LogicalType.INT))).isEqualTo("42");
  }

  @Test
  void badValuesNameTheField() {
    assertThatThrownBy(
            () -> Values.parse("yes", DataType.of(LogicalType.BOOLEAN), "column 'active' category"))
        .hasMessageContaining("column 'active' category: 'yes' is not a valid boolean value");
    assertThatThrownBy(() -> Values.parse("NaN", DataType.of(LogicalType.DOUBLE), "f"))
        .hasMessageContaining("'NaN' is not a valid double value");
    assertThatThrownBy(() -> Values.parse("2020-13-01", DataType.of(LogicalType.DATE), "f"))
        .hasMessageContaining("'2020-13-01' is not a valid date value");
  }

  @Test
  void columnKindsParseTheirJsonNames() {
    for (ColumnKind kind : ColumnKind.values()) {
      assertThat(ColumnKind.parse(kind.jsonName().toUpperCase(java.util.Locale.ROOT), "x"))
          .isEqualTo(kind);
    }

    assertThatThrownBy(() -> ColumnKind.parse("number", "--kind amount"))
        .hasMessageContaining("--kind amount: unknown column kind 'number'")
        .hasMessageContaining("continuous, integer");
    assertThat(ColumnKind.KEY.inCopula()).isFalse();
    assertThat(ColumnKind.TIMESTAMP.isNumeric()).isTrue();
    assertThat(ColumnKind.BOOLEAN.isNumeric()).isFalse();
  }
}
