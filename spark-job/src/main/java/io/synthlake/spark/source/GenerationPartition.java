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
    if (count <= 0) {
      throw new IllegalArgumentException("rows come in at least one partition, got " + count);
    }

    long blocks = blocks(rows);
    GenerationPartition[] partitions = new GenerationPartition[count];
    for (int i = 0; i < count; i++) {
      partitions[i] = new GenerationPartition(boundary(blocks, i, count), boundary(blocks, i + 1, count), rows);
    }

    return partitions;
  }

  /** Blocks holding {@code rows} rows, the last one perhaps partial. */
  static long blocks(long rows) {
    return Math.addExact(rows, TableSampler.BLOCK_ROWS - 1) / TableSampler.BLOCK_ROWS;
  }

  /** {@code floor(blocks * i / count)} without the product, which can exceed a long. */
  private static long boundary(long blocks, int i, int count) {
    return blocks / count * i + blocks % count * i / count;
  }

  /** Rows in block {@code block} of this partition: a whole block, or what is left of the output in the last one. */
  int blockRows(long block) {
    return (int) Math.min(TableSampler.BLOCK_ROWS, totalRows - block * TableSampler.BLOCK_ROWS);
  }

  /** Rows in this partition. */
  long rows() {
    return Math.max(0, Math.min(totalRows, Math.multiplyExact(endBlock, TableSampler.BLOCK_ROWS))
        - Math.multiplyExact(firstBlock, TableSampler.BLOCK_ROWS));
  }
}
