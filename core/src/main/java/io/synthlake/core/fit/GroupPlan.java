package io.synthlake.core.fit;

import io.synthlake.core.math.Seeds;
import io.synthlake.core.model.CategoricalColumn;
import io.synthlake.core.model.ColumnGroup;
import io.synthlake.core.model.ColumnModel;
import io.synthlake.core.types.ColumnKind;
import java.util.ArrayList;
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
  private final CategoricalPlan tuples;
  private final List<ColumnPlan> memberPlans;

  /** Each tuple key's member values as text (null for a null). */
  private final Map<String, List<String>> valuesOf;

  private ColumnGroup group;
  private final Map<String, ColumnModel> memberModels = new HashMap<>();

  GroupPlan(List<SampleColumn> columns, List<ColumnKind> kinds, FitSettings settings) {
    this.members = columns.stream().map(SampleColumn::name).toList();
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

  @Override
  public double[] scoreKeys() {
    return tuples.scoreKeys();
  }

  @Override
  public Object fitComponent(int[] rows, long seed) {
    Object[] fits = new Object[memberPlans.size() + 1];
    fits[0] = tuples.fitComponent(rows, seed);
    for (int m = 0; m < memberPlans.size(); m++) {
      fits[m + 1] = memberPlans.get(m).fitComponent(rows, Seeds.derive(seed, m + 1, 0));
    }

    return fits;
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

    List<double[]> probabilities = new ArrayList<>();
    for (int k = 0; k < column.componentCount(); k++) {
      probabilities.add(column.probabilities(k));
    }

    this.group = ColumnGroup.of(members, values, probabilities);
    for (int m = 0; m < members.size(); m++) {
      List<Object> memberFits = new ArrayList<>();
      for (Object fits : components) {
        memberFits.add(((Object[]) fits)[m + 1]);
      }

      memberModels.put(members.get(m), memberPlans.get(m).build(memberFits));
    }

    return column;
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
