package io.synthlake.core.spec;

import java.util.List;

/**
 * A categorical column of a table-set spec that other tables are {@code given}: its table and every
 * table between it and the tables that read it get one mixture component per category, so that a
 * row's category travels down to its children as their component.
 *
 * @param table the table that holds the column
 * @param column the column, a {@code categories} spec column
 * @param categories its values with a positive weight, in the order written
 * @param shares their weights, summing to 1
 * @param where the field path of the first {@code given} that named it, for messages
 */
record Split(String table, String column, List<String> categories, double[] shares, String where) {
  Split {
    categories = List.copyOf(categories);
    shares = shares.clone();
  }

  /** {@code table.column}, as specs write it. */
  String qualified() {
    return table + "." + column;
  }
}
