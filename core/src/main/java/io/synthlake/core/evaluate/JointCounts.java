package io.synthlake.core.evaluate;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * Counts of the binned joint distribution of every (parent column, child column) pair over child
 * rows joined to their parent rows, each column binned as its own table's evaluation bins it. Every
 * Spark task fills one and the driver merges them; memory is set by the bins, not the rows. For a
 * further relation's co-parent pairs, the "parent" columns are the child's parent's and the "child"
 * columns the referenced row's, both over the child rows.
 */
public final class JointCounts implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<ColumnBinning> parent;
  private final List<ColumnBinning> child;

  /**
   * Indexed [parent column × child columns + child column][parent bin × child bins + child bin].
   */
  private final long[][] counts;

  private JointCounts(List<ColumnBinning> parent, List<ColumnBinning> child) {
    this.parent = List.copyOf(parent);
    this.child = List.copyOf(child);
    this.counts = new long[parent.size() * child.size()][];
    for (int p = 0; p < parent.size(); p++) {
      for (int c = 0; c < child.size(); c++) {
        counts[p * child.size() + c] = new long[parent.get(p).binCount() * child.get(c).binCount()];
      }
    }
  }

  /** Empty counts over the parent's and the child's compared columns. */
  public static JointCounts of(List<ColumnBinning> parent, List<ColumnBinning> child) {
    return new JointCounts(parent, child);
  }

  /** Empty counts over the same columns. */
  public JointCounts newEmpty() {
    return new JointCounts(parent, child);
  }

  /**
   * Counts one joined row: the parent's values and the child's, each a Double for numeric columns,
   * a String for categorical ones and null for null.
   */
  public void add(Object[] parentValues, Object[] childValues) {
    int[] childBins = new int[child.size()];
    for (int c = 0; c < childBins.length; c++) {
      childBins[c] = child.get(c).bin(childValues[c]);
    }

    for (int p = 0; p < parent.size(); p++) {
      int parentBin = parent.get(p).bin(parentValues[p]);
      for (int c = 0; c < childBins.length; c++) {
        counts[p * childBins.length + c][parentBin * child.get(c).binCount() + childBins[c]]++;
      }
    }
  }

  /** Adds {@code other}'s counts to these and returns these. */
  public JointCounts merge(JointCounts other) {
    for (int i = 0; i < counts.length; i++) {
      for (int j = 0; j < counts[i].length; j++) {
        counts[i][j] += other.counts[i][j];
      }
    }

    return this;
  }

  public List<ColumnBinning> parentColumns() {
    return parent;
  }

  public List<ColumnBinning> childColumns() {
    return child;
  }

  /** The joint counts of one pair, parent bin major. */
  public long[] counts(int parentColumn, int childColumn) {
    return Arrays.copyOf(
        counts[parentColumn * child.size() + childColumn],
        counts[parentColumn * child.size() + childColumn].length);
  }
}
