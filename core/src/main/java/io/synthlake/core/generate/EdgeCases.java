package io.synthlake.core.generate;

import io.synthlake.core.Setting;
import io.synthlake.core.SynthlakeException;
import io.synthlake.core.math.Seeds;
import io.synthlake.core.model.ColumnModel;
import io.synthlake.core.model.KeyColumn;
import io.synthlake.core.model.TableModel;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which generated rows are replaced by boundary rows (nulls, the limits of the type and of the
 * column's range, empty, long and right-to-left text, far dates, leap days, DST edges), and which
 * columns they touch. Row {@code i} is an edge case when a hash of (seed, i) falls below the share,
 * and each of its columns takes the boundary value a hash of (seed, i, column) picks, so both are a
 * pure function of (model, seed, row index, share) whatever the partitioning. Key columns are never
 * touched: they stay unique. Immutable.
 */
public final class EdgeCases {
  /** The boolean column that marks edge-case rows, written after the model's columns. */
  public static final String MARKER = "synthlake_edge_case";

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;
  private static final double UNIT = 0x1.0p-53;

  private final double share;
  private final Set<String> columns;
  private final Set<String> notNull;
  private final ZoneId zone;

  private EdgeCases(double share, Set<String> columns, Set<String> notNull, ZoneId zone) {
    this.share = share;
    this.columns = columns;
    this.notNull = notNull;
    this.zone = zone;
  }

  /**
   * A share of rows in [0, 1] that become edge cases, every column but keys, nulls in all of them,
   * timestamps' calendar edges in UTC.
   */
  public static EdgeCases of(double share) {
    checkShare(share);
    return new EdgeCases(share, Set.of(), Set.of(), ZoneOffset.UTC);
  }

  /** Fails, naming the setting, unless {@code share} is a number in [0, 1]. */
  public static void checkShare(double share) {
    SynthlakeException.check(
        share >= 0 && share <= 1,
        "%s must be a share of rows in [0, 1] such as 0.01, got %s",
        Setting.EDGE_CASES,
        share);
  }

  /** Parses the share from text; {@code where} names the option or field for the error message. */
  public static double parseShare(String text, String where) {
    double share;
    try {
      share = Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw SynthlakeException.of(
          "%s must be a share of rows in [0, 1] such as 0.01, got '%s'",
          where, SynthlakeException.shown(text));
    }

    SynthlakeException.check(
        share >= 0 && share <= 1,
        "%s must be a share of rows in [0, 1] such as 0.01, got %s",
        where,
        text.trim());
    return share;
  }

  /** Only these columns take boundary values (empty: every column but keys). */
  public EdgeCases withColumns(Collection<String> names) {
    return new EdgeCases(share, Set.copyOf(new LinkedHashSet<>(names)), notNull, zone);
  }

  /** These columns never take a null (a NOT NULL constraint downstream). */
  public EdgeCases withNotNull(Collection<String> names) {
    return new EdgeCases(share, columns, Set.copyOf(new LinkedHashSet<>(names)), zone);
  }

  /** The time zone whose leap days, DST gaps and repeated hours timestamps are placed on. */
  public EdgeCases withZone(ZoneId value) {
    return new EdgeCases(share, columns, notNull, value);
  }

  public double share() {
    return share;
  }

  public Set<String> columns() {
    return columns;
  }

  public Set<String> notNull() {
    return notNull;
  }

  public ZoneId zone() {
    return zone;
  }

  /**
   * Fails with a one-line message when a named column is not in {@code model}, is a key, or when
   * the model already has a column named {@link #MARKER}.
   */
  public void check(TableModel model) {
    List<String> names = model.columnNames();
    SynthlakeException.check(
        !names.contains(MARKER),
        "the model has a column named '%s', the name of the edge-case marker; rename the column",
        MARKER);
    for (String name : columns) {
      checkColumn(model, name, "edge-case columns");
    }

    for (String name : notNull) {
      checkColumn(model, name, "edge-case not-null columns");
    }
  }

  private static void checkColumn(TableModel model, String name, String what) {
    SynthlakeException.check(
        model.columnNames().contains(name),
        "%s: the model has no column '%s'; its columns are %s",
        what,
        name,
        String.join(", ", model.columnNames()));
    SynthlakeException.check(
        !(model.column(name) instanceof KeyColumn),
        "%s: '%s' is a key column, which edge cases leave unique; leave it out",
        what,
        name);
  }

  /** The salt of the row hashes under {@code seed}. */
  static long salt(long seed) {
    return Seeds.derive(seed, 0, 401);
  }

  /** Whether global row {@code row} is an edge case under the salt of the seed. */
  boolean flagged(long salt, long row) {
    return share > 0 && (Seeds.mix(row * GOLDEN ^ salt) >>> 11) * UNIT < share;
  }

  /** Whether row {@code row} of a run under {@code seed} is an edge case. */
  public boolean isEdgeCase(long seed, long row) {
    return flagged(salt(seed), row);
  }

  /** Which of {@code count} boundary values column {@code column} of row {@code row} takes. */
  static int choice(long salt, long row, int column, int count) {
    long hash = Seeds.mix(Seeds.mix(row * GOLDEN ^ salt) + (column + 1L) * GOLDEN);
    return (int) Math.floorMod(hash, (long) count);
  }

  /** Whether column {@code column} takes boundary values. */
  boolean touches(ColumnModel column) {
    return !(column instanceof KeyColumn) && (columns.isEmpty() || columns.contains(column.name()));
  }

  /** The per-writer state: boundary values compiled per column, the block's flags. */
  EdgeCaseWriter newWriter(TableModel model, long seed) {
    return new EdgeCaseWriter(this, model, salt(seed));
  }
}
