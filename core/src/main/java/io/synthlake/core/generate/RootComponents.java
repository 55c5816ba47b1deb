package io.synthlake.core.generate;

import io.synthlake.core.model.DependenceModel;

/**
 * The mixture components of a root table's rows, drawn again a block at a time and kept: what a
 * further key's affinity reads for the parent rows it proposes. A root row's component depends on
 * (seed, block, position) alone, so drawing it here gives the component the row was written with.
 * Holds a byte per row of the blocks touched, at most {@link #MAX_BLOCKS} blocks (16 MB). Not
 * thread-safe: one per task.
 */
final class RootComponents {
  /** Root tables of more blocks than this keep no affinity: their keys use popularity alone. */
  static final int MAX_BLOCKS = 4096;

  private final DependenceModel dependence;
  private final long seed;
  private final long rows;
  private final byte[][] blocks;
  private final int[] scratch = new int[TableSampler.BLOCK_ROWS];

  private RootComponents(DependenceModel dependence, long seed, long rows) {
    this.dependence = dependence;
    this.seed = seed;
    this.rows = rows;
    this.blocks = new byte[(int) TableSetSampler.rootBlocks(rows)][];
  }

  /**
   * The components of a root table of {@code rows} rows drawn by {@code dependence} with table seed
   * {@code seed}, or null when the table is too large to keep them or has too many components.
   */
  static RootComponents of(DependenceModel dependence, long seed, long rows) {
    boolean fits =
        TableSetSampler.rootBlocks(rows) <= MAX_BLOCKS
            && dependence.componentCount() <= Byte.MAX_VALUE;
    return fits ? new RootComponents(dependence, seed, rows) : null;
  }

  long rows() {
    return rows;
  }

  /**
   * The components of the same table grown to {@code more} rows, keeping the blocks drawn (a row's
   * component does not depend on the table's size), or null when it is then too large to keep them.
   */
  RootComponents grownTo(long more) {
    RootComponents grown = of(dependence, seed, more);
    if (grown != null) {
      System.arraycopy(blocks, 0, grown.blocks, 0, Math.min(blocks.length, grown.blocks.length));
    }

    return grown;
  }

  /** Row {@code row}'s component. */
  int component(long row) {
    int block = (int) (row / TableSampler.BLOCK_ROWS);
    byte[] components = blocks[block];
    if (components == null) {
      dependence.drawComponents(seed, block, TableSampler.BLOCK_ROWS, scratch);
      components = new byte[TableSampler.BLOCK_ROWS];
      for (int r = 0; r < components.length; r++) {
        components[r] = (byte) scratch[r];
      }

      blocks[block] = components;
    }

    return components[(int) (row % TableSampler.BLOCK_ROWS)];
  }
}
