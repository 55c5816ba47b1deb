package io.synthlake.spark;

import io.synthlake.core.fit.NameMatch;
import java.util.Locale;

/**
 * A foreign key that {@link Synthesizer#detectRelations} proposes: column {@code column} of table
 * {@code child} references key {@code key} of table {@code parent}, with the evidence for it.
 *
 * @param child the table that holds the foreign key
 * @param column the foreign key column
 * @param parent the referenced table
 * @param key the referenced key column, whose non-null values are all distinct
 * @param nameMatch how the column's name relates to the key's or the parent table's
 * @param inclusion the share of the column's non-null rows whose value the key holds
 * @param keyValues the key's distinct values
 */
@PublicApi
public record RelationProposal(
    String child,
    String column,
    String parent,
    String key,
    NameMatch nameMatch,
    double inclusion,
    long keyValues) {

  /** The relation as {@link Synthesizer#fitTables} and {@code --relation} take it. */
  public String relation() {
    return child + "." + column + "=" + parent + "." + key;
  }

  /**
   * The evidence for people, e.g. {@code 99.8% of values found, 3,376 key values, values only}; the
   * share is rounded down, so 100.0% means every value was found.
   */
  public String evidence() {
    return String.format(
        Locale.ROOT,
        "%.1f%% of values found, %,d key values, %s",
        // Tenths of a percent, rounded down (the tolerance absorbs 0.995 * 1000 = 994.99...).
        Math.min(Math.floor(inclusion * 1000 + 1e-6), inclusion < 1 ? 999 : 1000) / 10,
        keyValues,
        nameMatch.description());
  }

  @Override
  public String toString() {
    return relation() + " (" + evidence() + ")";
  }
}
