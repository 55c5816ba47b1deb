package io.synthlake.core.fit;

import io.synthlake.core.math.Seeds;
import io.synthlake.core.model.CategoricalColumn;
import io.synthlake.core.model.ColumnGroup;
import io.synthlake.core.model.ColumnModel;
import io.synthlake.core.types.ColumnKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fit-time state of a {@link ColumnGroup}: one copula column whose categories are the tuples of the
 * members' values, fitted as a categorical column (ordered for the copula, clustered, correlated),
 * and the members' own plans, which describe each member's marginal in the model. A tuple holding a
 * rare categorical value is rare: its rows are fitted as the pool of rare values and its share goes
 * to the frequent tuples of the same component, so no rare value is stored.
 */
final class GroupPlan implements ColumnPlan {
  private final List<String> members;

  /** Per member, whether its values are categories (not numbers). */
  private final boolean[] categorical;

  private final CategoricalPlan tuples;
  private final List<ColumnPlan> memberPlans;

  /** Each tuple key's member values as text (null for a null). */
  private final Map<String, List<String>> valuesOf;

  /** Each row's tuple, as an index into {@link #keyIndex}'s keys. */
  private final int[] rowTuple;

  private final Map<String, Integer> keyIndex = new HashMap<>();

  private ColumnGroup group;
  private final Map<String, ColumnModel> memberModels = new HashMap<>();

  GroupPlan(List<SampleColumn> columns, List<ColumnKind> kinds, FitSettings settings) {
    this.members = columns.stream().map(SampleColumn::name).toList();
    this.categorical = new boolean[columns.size()];
    for (int m = 0; m < columns.size(); m++) {
      categorical[m] = !kinds.get(m).isNumeric();
    }

    int rows = columns.get(0).size();
    List<Map<String, Integer>> valueCounts = new ArrayList<>();
    for (SampleColumn column : columns) {
      Map<String, Integer> counts = new HashMap<>();
      for (int row = 0; row < rows; row++) {
        String text = GroupDetector.text(column, row);
        if (text != null) {
          counts.merge(text, 1, Integer::sum);
        }
      }

      valueCounts.add(counts);
    }

    String[] keys = new String[rows];
    this.valuesOf = new HashMap<>();
    this.rowTuple = new int[rows];
    Set<String> rare = new HashSet<>();
    for (int row = 0; row < rows; row++) {
      List<String> values = new ArrayList<>(columns.size());
      StringBuilder key = new StringBuilder();
      boolean isRare = false;
      for (int m = 0; m < columns.size(); m++) {
        String text = GroupDetector.text(columns.get(m), row);
        values.add(text);
        // Length-prefixed, so that no two tuples share a key whatever their text holds.
        key.append(text == null ? "-" : text.length() + ":" + text).append('|');
        boolean categorical = !kinds.get(m).isNumeric();
        isRare |=
            categorical
                && text != null
                && kinds.get(m) != ColumnKind.BOOLEAN
                && valueCounts.get(m).get(text) < settings.rareCount();
      }

      keys[row] = key.toString();
      valuesOf.putIfAbsent(keys[row], values);
      rowTuple[row] = keyIndex.computeIfAbsent(keys[row], k -> keyIndex.size());
      if (isRare) {
        rare.add(keys[row]);
      }
    }

    this.tuples =
        new CategoricalPlan(
            SampleColumn.strings(ColumnGroup.NAME_PREFIX + members.get(0), keys),
            ColumnKind.CATEGORICAL,
            settings,
            rare);
    this.memberPlans = new ArrayList<>();
    for (int m = 0; m < columns.size(); m++) {
      memberPlans.add(
          kinds.get(m).isNumeric()
              ? new NumericPlan(columns.get(m), kinds.get(m), settings)
              : new CategoricalPlan(columns.get(m), kinds.get(m), settings));
    }
  }

  List<String> members() {
    return members;
  }

  /** The plan of the tuples' copula column, which the fitter orders like a categorical column's. */
  CategoricalPlan tuples() {
    return tuples;
  }

  /**
   * The copula order of the tuples, as keys to sort by, from each tuple's mean first-principal-
   * component score ({@link CategoryOrdering}). When the other members determine one of few values
   * (a species its size, an airport its state), the tuples of each of its values stay together,
   * blocks ordered by their rows' mean key and tuples by their key within a block: the principal
   * component alone would scatter, say, the large-wildlife species along the axis, and no
   * correlation could then single out large wildlife as the size column's own copula column would.
   * A sparse pair (routes' origin and destination) keeps the principal-component order, which
   * blocks by either side would cost accuracy. The pool of rare tuples is a block of its own.
   */
  double[] blockedKeys(double[] keys) {
    int member = determinedMember();
    if (member < 0) {
      return keys;
    }

    int size = tuples.categoryCount();
    double[] rows = new double[size];
    for (double code : tuples.scoreKeys()) {
      if (code >= 0) {
        rows[(int) code]++;
      }
    }

    // Block ids in order of first appearance; the pool's (no values) differs from any value's.
    Map<List<String>, Integer> blockOf = new HashMap<>();
    int[] block = new int[size];
    for (int t = 0; t < size; t++) {
      List<String> values = tupleValues(t);
      List<String> value =
          values == null ? List.of() : Collections.singletonList(values.get(member));
      block[t] = blockOf.computeIfAbsent(value, v -> blockOf.size());
    }

    double[] sums = new double[blockOf.size()];
    double[] blockRows = new double[blockOf.size()];
    for (int t = 0; t < size; t++) {
      sums[block[t]] += keys[t] * rows[t];
      blockRows[block[t]] += rows[t];
    }

    double[] blockKeys = new double[sums.length];
    for (int b = 0; b < sums.length; b++) {
      blockKeys[b] = blockRows[b] == 0 ? 0 : sums[b] / blockRows[b];
    }

    Integer[] order = new Integer[size];
    for (int t = 0; t < size; t++) {
      order[t] = t;
    }

    Arrays.sort(
        order,
        Comparator.<Integer>comparingDouble(t -> blockKeys[block[t]])
            .thenComparingInt(t -> block[t])
            .thenComparingDouble(t -> keys[t]));
    double[] positions = new double[size];
    for (int position = 0; position < size; position++) {
      positions[order[position]] = position;
    }

    return positions;
  }

  /**
   * The categorical member with the fewest values among those the other members determine within
   * the frequent tuples, if it has fewer values than there are tuples, or -1. The others determine
   * a member when their values tell its value apart in all but a tenth of the frequent tuples: a
   * functional dependency that a stray record (one species entered with two sizes) leaves standing,
   * which a sparse pair, whose either side goes with several values of the other, does not meet.
   */
  private int determinedMember() {
    List<List<String>> frequent = new ArrayList<>();
    for (int t = 0; t < tuples.categoryCount(); t++) {
      List<String> values = tupleValues(t);
      if (values != null) {
        frequent.add(values);
      }
    }

    int best = -1;
    int fewest = frequent.size();
    for (int m = 0; m < members.size(); m++) {
      Set<String> values = new HashSet<>();
      Set<List<String>> others = new HashSet<>();
      for (List<String> tuple : frequent) {
        values.add(tuple.get(m));
        List<String> rest = new ArrayList<>(tuple);
        rest.remove(m);
        others.add(rest);
      }

      boolean determined = others.size() >= 0.9 * frequent.size();
      if (categorical[m] && determined && values.size() < fewest) {
        fewest = values.size();
        best = m;
      }
    }

    return best;
  }

  /** Tuple {@code t}'s member values in the current order, or null for the pool of rare tuples. */
  List<String> tupleValues(int t) {
    String key = tuples.category(t);
    return key == null ? null : valuesOf.get(key);
  }

  @Override
  public double[] scoreKeys() {
    return tuples.scoreKeys();
  }

  @Override
  public Object fitComponent(int[] rows, long seed) {
    Object[] fits = new Object[memberPlans.size() + 2];
    fits[0] = tuples.fitComponent(rows, seed);
    for (int m = 0; m < memberPlans.size(); m++) {
      fits[m + 1] = memberPlans.get(m).fitComponent(rows, Seeds.derive(seed, m + 1, 0));
    }

    fits[memberPlans.size() + 1] = counts(rows);
    return fits;
  }

  /** The rows of each tuple among {@code rows}. */
  private double[] counts(int[] rows) {
    double[] counts = new double[keyIndex.size()];
    for (int row : rows) {
      counts[rowTuple[row]]++;
    }

    return counts;
  }

  /** Builds the group and its members' models; returns the tuples' copula column. */
  @Override
  public ColumnModel build(List<Object> components) {
    List<Object> tupleFits = new ArrayList<>();
    for (Object fits : components) {
      tupleFits.add(((Object[]) fits)[0]);
    }

    CategoricalColumn column = (CategoricalColumn) tuples.build(tupleFits);
    List<List<String>> values = new ArrayList<>();
    for (int m = 0; m < members.size(); m++) {
      List<String> memberValues = new ArrayList<>();
      for (String key : column.categories()) {
        memberValues.add(valuesOf.get(key).get(m));
      }

      values.add(memberValues);
    }

    // Each component weighs its frequent tuples by their rows in it, which gives the probabilities
    // of the tuples' categorical column (its pool of rare tuples shared out in proportion) as whole
    // numbers that a model file holds compactly. A component of rare tuples only takes the
    // frequent tuples' rows over the whole sample, as the categorical column does.
    double[] overall = frequentCounts(counts(allRows()), column);
    List<double[]> weights = new ArrayList<>();
    for (Object fits : components) {
      double[] component = frequentCounts((double[]) ((Object[]) fits)[members.size() + 1], column);
      weights.add(Arrays.stream(component).sum() > 0 ? component : overall);
    }

    this.group = ColumnGroup.ofWeights(members, values, weights);
    for (int m = 0; m < members.size(); m++) {
      List<Object> memberFits = new ArrayList<>();
      for (Object fits : components) {
        memberFits.add(((Object[]) fits)[m + 1]);
      }

      memberModels.put(members.get(m), memberPlans.get(m).build(memberFits));
    }

    return column;
  }

  /** Per tuple of the built column, in its order, its count among {@code counts}. */
  private double[] frequentCounts(double[] counts, CategoricalColumn column) {
    double[] result = new double[column.categories().size()];
    for (int t = 0; t < result.length; t++) {
      result[t] = counts[keyIndex.get(column.categories().get(t))];
    }

    return result;
  }

  private int[] allRows() {
    int[] rows = new int[rowTuple.length];
    for (int row = 0; row < rows.length; row++) {
      rows[row] = row;
    }

    return rows;
  }

  /** The fitted group, after {@link #build}. */
  ColumnGroup group() {
    return group;
  }

  /** A member's own model, which describes its marginal; after {@link #build}. */
  ColumnModel member(String name) {
    return memberModels.get(name);
  }
}
