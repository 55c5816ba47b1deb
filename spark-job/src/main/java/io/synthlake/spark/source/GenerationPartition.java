package io.synthlake.spark.source;

import io.synthlake.core.generate.TableSampler;
import org.apache.spark.sql.connector.read.InputPartition;

/**
 * Blocks [firstBlock, endBlock) of the output, which holds rows [firstRow, endRow) of the generated
 * stream: the first block of a run that starts inside a block is generated from its first row and
 * keeps only the run's rows, and the last block of the whole output may be partial.
 */
final class GenerationPartition implements InputPartition {
  private static final long serialVersionUID = 1L;

  final long firstBlock;
  final long endBlock;

  /** The first row of the whole output, not of this partition. */
  final long firstRow;

  /** One past the last row of the whole output. */
  final long endRow;

  GenerationPartition(long firstBlock, long endBlock, long firstRow, long endRow) {
    this.firstBlock = firstBlock;
    this.endBlock = endBlock;
    this.firstRow = firstRow;
    this.endRow = endRow;
  }

  /** {@code count} partitions of whole blocks covering rows [0, rows), as even as blocks allow. */
  static GenerationPartition[] split(long rows, int count) {
    return split(0, rows, count);
  }

  /**
   * {@code count} partitions of whole blocks covering rows [firstRow, firstRow + rows), as even as
   * blocks allow.
   */
  static GenerationPartition[] split(long firstRow, long rows, int count) {
    if (count <= 0) {
      throw new IllegalArgumentException("rows come in at least one partition, got " + count);
    }

    long endRow = Math.addExact(firstRow, rows);
    long first = firstRow / TableSampler.BLOCK_ROWS;
    long blocks = blocks(endRow) - first;
    GenerationPartition[] partitions = new GenerationPartition[count];
    for (int i = 0; i < count; i++) {
      partitions[i] =
          new GenerationPartition(
              first + boundary(blocks, i, count),
              first + boundary(blocks, i + 1, count),
              firstRow,
              endRow);
    }

    return partitions;
  }

  /** Blocks holding rows [0, rows), the last one perhaps partial. */
  static long blocks(long rows) {
    return Math.addExact(rows, TableSampler.BLOCK_ROWS - 1) / TableSampler.BLOCK_ROWS;
  }

  /**
   * Blocks holding rows [firstRow, firstRow + rows): one more than {@link #blocks} when the run
   * starts inside a block.
   */
  static long blocks(long firstRow, long rows) {
    return blocks(Math.addExact(firstRow, rows)) - firstRow / TableSampler.BLOCK_ROWS;
  }

  /** {@code floor(blocks * i / count)} without the product, which can exceed a long. */
  private static long boundary(long blocks, int i, int count) {
    return blocks / count * i + blocks % count * i / count;
  }

  /** Rows of block {@code block} before the output's first row: generated, then dropped. */
  int blockSkip(long block) {
    return (int) Math.max(0, firstRow - block * TableSampler.BLOCK_ROWS);
  }

  /**
   * Rows of block {@code block} in the output: a whole block, or the part of it inside [firstRow,
   * endRow).
   */
  int blockRows(long block) {
    long start = block * TableSampler.BLOCK_ROWS;
    return (int) (Math.min(start + TableSampler.BLOCK_ROWS, endRow) - Math.max(start, firstRow));
  }

  /** Rows in this partition. */
  long rows() {
    long start = Math.max(firstRow, Math.multiplyExact(firstBlock, TableSampler.BLOCK_ROWS));
    long end = Math.min(endRow, Math.multiplyExact(endBlock, TableSampler.BLOCK_ROWS));
    return Math.max(0, end - start);
  }
}
