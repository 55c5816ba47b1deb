package io.synthlake.core.fit;

import io.synthlake.core.fit.TableSetFitter.Relation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which foreign keys to propose between tables, given what their names and values say: the rules
 * that decide which column pairs are worth a join, which joined pairs are foreign keys, and which
 * of those fit together as relations a table set can be fitted with.
 */
public final class RelationDetector {
  /** The share of a named column's values that must be found among the key's. */
  public static final double MIN_INCLUSION = 0.99;

  /** The distinct values a column matched by its values only needs. */
  public static final long MIN_VALUES_WITHOUT_NAME = 10;

  private RelationDetector() {}

  /**
   * A column of one table ({@code relation.child().column()}) that may reference a key of another,
   * with the evidence.
   *
   * @param nameMatch how the column's name relates to the key's
   * @param rows the column's non-null rows
   * @param foundRows those of them whose value is among the key's values
   * @param keyValues the key's distinct values
   */
  public record Candidate(
      Relation relation, NameMatch nameMatch, long rows, long foundRows, long keyValues) {
    /** The share of the column's non-null rows whose value the key holds. */
    public double inclusion() {
      return rows == 0 ? 0 : (double) foundRows / rows;
    }

    /**
     * Whether the values make it a foreign key: a named column needs {@link #MIN_INCLUSION} of its
     * rows found (a few orphans are allowed), a column matched by values only needs all of them.
     */
    public boolean holds() {
      return rows > 0
          && (nameMatch == NameMatch.NONE ? foundRows == rows : inclusion() >= MIN_INCLUSION);
    }
  }

  /**
   * Whether a column with {@code columnValues} distinct values is worth joining with a key of
   * {@code keyValues}: always when the names relate; otherwise only when it has at least {@link
   * #MIN_VALUES_WITHOUT_NAME} values and no more than the key (all of them must be found).
   */
  public static boolean worthJoining(NameMatch nameMatch, long columnValues, long keyValues) {
    return nameMatch != NameMatch.NONE
        || (columnValues >= MIN_VALUES_WITHOUT_NAME && columnValues <= keyValues);
  }

  /**
   * The candidates that hold and fit together, the strongest first: the strongest name match, then
   * the highest inclusion, then the order given. A weaker candidate is left out when its column
   * already references a key, when its key is itself a foreign key or its column a referenced key
   * (a key shared by parent and child), or when it would close a cycle between tables. The result
   * lists each child table's relations together, tables in the order of {@code tables}, the best
   * first: that one names the child's parent.
   *
   * @param tables the tables, in the order to list them
   * @param candidates the joined pairs, in the order to break ties (the input's tables and columns)
   */
  public static List<Candidate> choose(List<String> tables, List<Candidate> candidates) {
    List<Candidate> ranked = new ArrayList<>();
    for (Candidate candidate : candidates) {
      if (candidate.holds()
          && !candidate.relation().child().equals(candidate.relation().parent())) {
        ranked.add(candidate);
      }
    }

    // Stable: equal evidence keeps the order given.
    ranked.sort(
        Comparator.comparing(Candidate::nameMatch)
            .thenComparing(Comparator.comparingDouble(Candidate::inclusion).reversed()));
    List<Candidate> chosen = new ArrayList<>();
    Set<String> foreignColumns = new HashSet<>();
    Set<String> referencedKeys = new HashSet<>();
    for (Candidate candidate : ranked) {
      Relation relation = candidate.relation();
      String column = relation.child() + "." + relation.column();
      String key = relation.parent() + "." + relation.key();
      if (foreignColumns.contains(column)
          || foreignColumns.contains(key)
          || referencedKeys.contains(column)
          || reaches(relation.parent(), relation.child(), chosen)) {
        continue;
      }

      chosen.add(candidate);
      foreignColumns.add(column);
      referencedKeys.add(key);
    }

    chosen.sort(Comparator.comparingInt(candidate -> tables.indexOf(candidate.relation().child())));
    return List.copyOf(chosen);
  }

  /** Whether {@code from} references {@code to}, directly or through other tables. */
  private static boolean reaches(String from, String to, List<Candidate> chosen) {
    if (from.equals(to)) {
      return true;
    }

    for (Candidate candidate : chosen) {
      Relation relation = candidate.relation();
      if (relation.child().equals(from) && reaches(relation.parent(), to, chosen)) {
        return true;
      }
    }

    return false;
  }
}
