package io.synthlake.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlake.core.fit.TableFixtures;
import io.synthlake.core.model.TableModel;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every row is a pure function of (model, seed, row index), whatever the partitioning. */
class DeterminismTest {
  /** Two full blocks and a partial third. */
  private static final int ROWS = 2 * TableSampler.BLOCK_ROWS + 1808;

  private static TableModel model;

  @BeforeAll
  static void fit() {
    model = TableFixtures.everyKind();
  }

  private static void assertSameRows(Generated expected, Generated actual, int rows) {
    for (int row = 0; row < rows; row++) {
      assertThat(actual.row(row)).as("row %d", row).isEqualTo(expected.row(row));
    }
  }

  @Test
  void theSameSeedGivesIdenticalRows() {
    Generated first = Generated.of(model, 42, ROWS);
    Generated second = Generated.of(model, 42, ROWS);

    assertSameRows(first, second, ROWS);
  }

  @Test
  void blocksWrittenInAnotherOrderBySeparateWritersGiveTheSameRows() {
    Generated inOrder = Generated.of(model, 42, ROWS);

    // Each block on its own task: a new sampler and writer per block, blocks in reverse order.
    Generated perTask = Generated.of(model, ROWS, List.of(2L, 1L, 0L),
        block -> TableSampler.of(model, 42).newBlockWriter());
    // Two partitions sharing nothing, the second written first; the first writer is reused for two blocks.
    TableSampler.BlockWriter partitionA = TableSampler.of(model, 42).newBlockWriter();
    TableSampler.BlockWriter partitionB = TableSampler.of(model, 42).newBlockWriter();
    Generated twoPartitions = Generated.of(model, ROWS, List.of(2L, 0L, 1L), block -> block < 2 ? partitionA : partitionB);

    assertSameRows(inOrder, perTask, ROWS);
    assertSameRows(inOrder, twoPartitions, ROWS);
  }

  @Test
  void aPartialBlockHoldsTheSameFirstRowsAsTheFullBlock() {
    Generated full = Generated.of(model, 7, TableSampler.BLOCK_ROWS);
    Generated partial = Generated.of(model, 7, 100);
    // A 10,000-row table ends in a partial block; its rows are the first rows of a longer table.
    Generated longer = Generated.of(model, 7, 3 * TableSampler.BLOCK_ROWS);
    Generated shorter = Generated.of(model, 7, ROWS);

    assertSameRows(full, partial, 100);
    assertSameRows(longer, shorter, ROWS);
  }

  @Test
  void aColumnHoldsTheSameValuesWhateverOtherColumnsAQueryPrunes() {
    Generated all = Generated.of(model, 11, ROWS);
    List<String> names = TableFixtures.everyKindColumns();
    // Every other column, then each column alone: correlated columns lose their partners, independent ones are skipped.
    List<java.util.function.Predicate<String>> selections = new java.util.ArrayList<>();
    selections.add(name -> names.indexOf(name) % 2 == 0);
    for (String name : names) {
      selections.add(name::equals);
    }

    for (java.util.function.Predicate<String> kept : selections) {
      Generated pruned = Generated.pruned(model, 11, ROWS, kept);
      for (String name : names) {
        if (kept.test(name)) {
          assertSameRowsOfColumn(all.column(name), pruned.column(name));
        }
      }
    }
  }

  @Test
  void aWriterReusedAcrossBlocksCarriesNoState() {
    TableSampler.BlockWriter writer = TableSampler.of(model, 5).newBlockWriter();
    Generated once = Generated.of(model, TableSampler.BLOCK_ROWS, List.of(0L), block -> writer);
    Generated.of(model, 2 * TableSampler.BLOCK_ROWS, List.of(1L), block -> writer);
    Generated again = Generated.of(model, TableSampler.BLOCK_ROWS, List.of(0L), block -> writer);

    assertSameRows(once, again, TableSampler.BLOCK_ROWS);
  }

  @Test
  void aDifferentSeedGivesDifferentRows() {
    Generated first = Generated.of(model, 42, ROWS);
    Generated second = Generated.of(model, 43, ROWS);

    int sameRows = 0;
    for (int row = 0; row < ROWS; row++) {
      sameRows += first.row(row).equals(second.row(row)) ? 1 : 0;
    }

    assertThat(sameRows).isZero();
    // Column by column: continuous values and seeded keys differ almost everywhere; sequence keys depend on the row
    // index alone by design.
    for (String column : List.of("ref", "account", "price", "score", "seen")) {
      int same = 0;
      for (int row = 0; row < ROWS; row++) {
        same += java.util.Objects.equals(first.column(column).value(row), second.column(column).value(row)) ? 1 : 0;
      }

      assertThat(same).as("rows of '%s' equal under seeds 42 and 43", column).isLessThan(ROWS / 10);
    }

    assertSameRowsOfColumn(first.column("id"), second.column("id"));
  }

  private static void assertSameRowsOfColumn(CollectingSink first, CollectingSink second) {
    for (int row = 0; row < first.size(); row++) {
      assertThat(second.value(row)).isEqualTo(first.value(row));
    }
  }
}
