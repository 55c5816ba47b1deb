package io.synthlake.core.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthlake.core.Audience;
import io.synthlake.core.SynthlakeException;
import io.synthlake.core.math.Seeds;
import io.synthlake.core.model.GaussianCopulaMixture;
import io.synthlake.core.model.KeyColumn;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TableSamplerTest {
  private static TableModel codes(String template) {
    return TableModel.of(
        List.of(KeyColumn.code("code", DataType.of(LogicalType.STRING), "C-", template)),
        GaussianCopulaMixture.independent(0),
        Map.of());
  }

  @Test
  void checkCapacityNamesTheKeyColumnThatCannotHoldTheRows() {
    TableSampler sampler = TableSampler.of(codes("99"), 1);

    sampler.checkCapacity(100);
    assertThatThrownBy(() -> sampler.checkCapacity(101))
        .isInstanceOf(SynthlakeException.class)
        .hasMessageContaining("key column 'code'")
        .hasMessageContaining(" 100 unique values but 101 rows");
    assertThatThrownBy(() -> sampler.checkCapacity(0))
        .hasMessageContaining("the row count of generate must be a positive whole number, got 0")
        .satisfies(
            e ->
                assertThat(((SynthlakeException) e).messageFor(Audience.CLI))
                    .isEqualTo("--rows must be a positive whole number, got 0"));
  }

  @Test
  void codesOfAnyLengthStayUniqueWhateverTheSeed() {
    // A template of 26 letters has more codes than a long counts: the bijection's additions must
    // not overflow (long names fitted as keys, such as a football division's, give such templates).
    for (long seed = 0; seed < 50; seed++) {
      TableSampler sampler = TableSampler.of(codes("A".repeat(26)), seed);
      CollectingSink sink = new CollectingSink(TableSampler.BLOCK_ROWS);
      sampler.newBlockWriter().write(0, TableSampler.BLOCK_ROWS, new ColumnSink[] {sink});
      Set<String> values = new HashSet<>();
      for (int r = 0; r < sink.size(); r++) {
        assertThat(sink.string(r)).startsWith("C-").hasSize(28);
        values.add(sink.string(r));
      }

      assertThat(values).hasSize(TableSampler.BLOCK_ROWS);
    }
  }

  @Test
  void checkCapacityCountsTheRowsBeforeTheFirstRow() {
    TableSampler sampler = TableSampler.of(codes("99"), 1);

    sampler.checkCapacity(60, 40);
    assertThatThrownBy(() -> sampler.checkCapacity(61, 40))
        .isInstanceOf(SynthlakeException.class)
        .hasMessageContaining("key column 'code'")
        .hasMessageContaining(
            " 100 unique values but rows up to 101 were asked for (40 rows from row 61)");
    assertThatThrownBy(() -> sampler.checkCapacity(-1, 5))
        .hasMessageContaining("GenerateOptions.withFirstRow must be 0 or a positive whole number")
        .satisfies(
            e ->
                assertThat(((SynthlakeException) e).messageFor(Audience.CLI))
                    .startsWith("--first-row must be 0 or a positive whole number"));
  }

  /**
   * Row r's UUID is the version-4, variant-2 UUID of two seeded streams of (seed, r), written as
   * java.util.UUID writes it.
   */
  @Test
  void uuidKeysAreTheSeededUuidsOfTheirRowIndex() {
    TableModel model =
        TableModel.of(
            List.of(KeyColumn.uuid("id", DataType.of(LogicalType.STRING))),
            GaussianCopulaMixture.independent(0),
            Map.of());
    long seed = 7;
    int rows = TableSampler.BLOCK_ROWS + 100;
    CollectingSink generated = Generated.of(model, seed, rows).column("id");

    for (int r = 0; r < rows; r++) {
      long key = Seeds.blockKey(seed, r);
      UUID expected =
          new UUID(
              Seeds.stream(key, 201) & ~0xF000L | 0x4000L,
              Seeds.stream(key, 202) & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L);
      assertThat(generated.string(r)).as("row %d", r).isEqualTo(expected.toString());
    }
  }

  @Test
  void aCodeKeyIsABijectionOverItsCapacity() {
    Generated rows = Generated.of(codes("A9"), 7, 260);

    Set<String> values = new HashSet<>();
    for (int row = 0; row < 260; row++) {
      values.add(rows.column("code").string(row));
    }

    assertThat(values).hasSize(260).allMatch(value -> value.matches("C-[A-Z][0-9]"));
  }

  @Test
  void keyOnlyModelsGenerate() {
    TableModel model =
        TableModel.of(
            List.of(
                KeyColumn.sequence("n", DataType.decimal(12, 2), 10, 5, "", 0),
                KeyColumn.sequence("s", DataType.of(LogicalType.STRING), 7, 1, "INV-", 5)),
            GaussianCopulaMixture.independent(0),
            Map.of());

    Generated rows = Generated.of(model, 1, TableSampler.BLOCK_ROWS + 3);

    // A decimal(12,2) key emits unscaled values: 10.00 is 1000.
    assertThat(rows.column("n").longValue(0)).isEqualTo(1000);
    assertThat(rows.column("n").longValue(TableSampler.BLOCK_ROWS + 2))
        .isEqualTo((10 + 5L * (TableSampler.BLOCK_ROWS + 2)) * 100);
    assertThat(rows.column("s").string(0)).isEqualTo("INV-00007");
    assertThat(rows.column("s").string(TableSampler.BLOCK_ROWS)).isEqualTo("INV-04103");
  }

  @Test
  void writeRejectsBadBlocks() {
    TableSampler.BlockWriter writer = TableSampler.of(codes("99"), 1).newBlockWriter();

    assertThatThrownBy(
            () ->
                writer.write(
                    0, TableSampler.BLOCK_ROWS + 1, new ColumnSink[] {new CollectingSink(5000)}))
        .hasMessageContaining("a block holds 0 to 4096 rows");
    assertThatThrownBy(() -> writer.write(0, 10, new ColumnSink[0]))
        .hasMessageContaining("one sink per column");
  }
}
