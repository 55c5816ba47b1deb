package io.synthlake.spark.source;

import io.synthlake.core.generate.TableSampler;
import org.apache.spark.sql.connector.read.InputPartition;

/** Blocks [firstBlock, endBlock) of the output; the last block of the whole output may be partial. */
final class GenerationPartition implements InputPartition {
  private static final long serialVersionUID = 1L;

  final long firstBlock;
  final long endBlock;
  final long totalRows;

  GenerationPartition(long firstBlock, long endBlock, long totalRows) {
    this.firstBlock = firstBlock;
    this.endBlock = endBlock;
    this.totalRows = totalRows;
  }

  /** {@code count} partitions of whole blocks covering {@code rows} rows, as even as blocks allow. */
  static GenerationPartition[] split(long rows, int count) {
    long blocks = (rows + TableSampler.BLOCK_ROWS - 1) / TableSampler.BLOCK_ROWS;
    GenerationPartition[] partitions = new GenerationPartition[count];
    for (int i = 0; i < count; i++) {
      partitions[i] = new GenerationPartition(blocks * i / count, blocks * (i + 1) / count, rows);
    }

    return partitions;
  }

  /** Rows in block {@code block} of this partition: a whole block, or what is left of the output in the last one. */
  int blockRows(long block) {
    return (int) Math.min(TableSampler.BLOCK_ROWS, totalRows - block * TableSampler.BLOCK_ROWS);
  }

  /** Rows in this partition. */
  long rows() {
    return Math.max(0, Math.min(totalRows, endBlock * TableSampler.BLOCK_ROWS) - firstBlock * TableSampler.BLOCK_ROWS);
  }
}
