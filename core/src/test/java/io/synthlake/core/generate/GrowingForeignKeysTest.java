package io.synthlake.core.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.model.TableSet;
import io.synthlake.core.spec.SpecCompiler;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Further foreign keys that pick among a table that grows, as a stream's do ({@link
 * TableSetSampler.Walker#pickAmongGrowingRows}): each key picks among the rows given, a child that
 * picks among twice the rows keeps its parent or takes one that arrived since, and at a power of
 * two of rows the children per parent are those a batch read's draw gives. The seed is fixed and
 * every assertion is exact.
 */
class GrowingForeignKeysTest {
  private static final String SET =
      String.join(
          "\n",
          "tables:",
          "  - name: customers",
          "    columns: [{name: customer_id, type: long, key: {style: sequence}}]",
          "  - name: merchants",
          "    rows: 100",
          "    columns: [{name: merchant_id, type: long, key: {style: sequence, start: 0}}]",
          "  - name: orders",
          "    parent: {column: customer_id, table: customers}",
          "    count: {type: poisson, mean: 3}",
          "    foreign-keys: [{column: merchant_id, table: merchants, popularity: {zipf: 1.1}}]",
          "    columns: [{name: order_id, type: long, key: {style: sequence}}]",
          "");

  private static final long SEED = 3;
  private static TableSet set;

  @BeforeAll
  static void build() {
    set = SpecCompiler.compileSet(SET, "set.yaml").build(SEED, "customers", 4096).set();
  }

  /** The merchant row of each order of root block 0, picking among {@code merchants} rows. */
  private static long[] merchants(long merchants, boolean growing) {
    TableSetSampler.Walker walker = TableSetSampler.of(set, SEED).newWalker("orders");
    if (growing) {
      walker.pickAmongGrowingRows();
    }

    long[] tableRows = new long[set.tables().size()];
    tableRows[set.indexOf("merchants")] = merchants;
    int rows = (int) walker.start(0, 4096, new long[set.tables().size()], tableRows);
    CollectingSink[] sinks = new CollectingSink[set.table("orders").columns().size()];
    int column = set.table("orders").columns().indexOf("merchant_id");
    sinks[column] = new CollectingSink(rows);
    for (int chunk = 0; chunk * TableSampler.BLOCK_ROWS < rows; chunk++) {
      sinks[column].offset(chunk * TableSampler.BLOCK_ROWS);
      walker.write(
          chunk, Math.min(TableSampler.BLOCK_ROWS, rows - chunk * TableSampler.BLOCK_ROWS), sinks);
    }

    long[] picked = new long[rows];
    for (int r = 0; r < rows; r++) {
      picked[r] = ((Number) sinks[column].value(r)).longValue();
    }

    return picked;
  }

  @Test
  void eachKeyPicksAmongTheRowsThereAre() {
    for (long merchants : new long[] {1, 3, 100, 777}) {
      assertThat(Arrays.stream(merchants(merchants, true)).min().orElseThrow()).isNotNegative();
      assertThat(Arrays.stream(merchants(merchants, true)).max().orElseThrow())
          .isLessThan(merchants);
    }
  }

  @Test
  void aKeyWithNoRowsYetToPickFromFailsInOneLine() {
    assertThatThrownBy(() -> merchants(0, true))
        .isInstanceOf(SynthlakeException.class)
        .hasMessageContaining(
            "references 'merchants', which has no rows yet by the end of root block 0");
  }

  @Test
  void aChildKeepsItsParentOrTakesOneThatArrivedSince() {
    long[] before = merchants(512, true);
    long[] after = merchants(1024, true);
    assertThat(after).hasSameSizeAs(before);
    for (int r = 0; r < before.length; r++) {
      assertThat(after[r]).as("order %d", r).isIn(before[r], before[r] + 512);
    }
  }

  @Test
  void atAPowerOfTwoTheChildrenPerParentAreABatchReadsDraws() {
    assertThat(inDegrees(merchants(1024, true))).isEqualTo(inDegrees(merchants(1024, false)));
  }

  /** Each parent's children, sorted. */
  private static long[] inDegrees(long[] picked) {
    long[] degrees = new long[1024];
    for (long row : picked) {
      degrees[(int) row]++;
    }

    Arrays.sort(degrees);
    return degrees;
  }
}
