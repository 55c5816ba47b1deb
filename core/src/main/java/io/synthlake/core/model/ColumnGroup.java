package io.synthlake.core.model;

import io.synthlake.core.Errors;
import io.synthlake.core.types.ColumnKind;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import io.synthlake.core.types.Values;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Columns drawn together as one categorical copula column whose categories are learned tuples of
 * their values: a column determined by others (a state by its airport, a distance by its route) or
 * a sparse combination (routes). Every generated row holds one of the tuples, so a dependency or
 * combination holds in every row where the tuples hold it. The tuples are category values only: the
 * fit keeps a tuple when each of its categorical values is a frequent category. Immutable.
 */
public final class ColumnGroup {
  /** Prefix of a group's name, which stands for it in the dependence model's column list. */
  public static final String NAME_PREFIX = "synthlake:group:";

  /** A group of more tuples than this would make the model unwieldy; the fit stays below it. */
  public static final int MAX_TUPLES = 20_000;

  private final List<String> members;
  private final List<List<String>> values;
  private final List<double[]> probabilities;

  /** Per component, the weights the probabilities are drawn from; null for a group given them. */
  private final List<double[]> weights;

  private ColumnGroup(
      List<String> members,
      List<List<String>> values,
      List<double[]> probabilities,
      List<double[]> weights) {
    this.members = List.copyOf(members);
    List<List<String>> copies = new ArrayList<>();
    for (List<String> memberValues : values) {
      copies.add(Collections.unmodifiableList(new ArrayList<>(memberValues)));
    }

    this.values = Collections.unmodifiableList(copies);
    this.probabilities = probabilities.stream().map(double[]::clone).toList();
    this.weights = weights == null ? null : weights.stream().map(double[]::clone).toList();
  }

  /**
   * @param members the member columns, in the model's column order
   * @param values per member, its value in each tuple as text (null for a null)
   * @param probabilities per mixture component, one probability per tuple, summing to 1
   */
  public static ColumnGroup of(
      List<String> members, List<List<String>> values, List<double[]> probabilities) {
    return checked(members, values, probabilities, null);
  }

  /**
   * A group whose probabilities in each component are its weights over their sum: the fit gives
   * each tuple's row count in the component, which a model file holds compactly (only the tuples a
   * component holds, as whole numbers) and which gives the same probabilities when read back.
   *
   * @param weights per mixture component, one weight per tuple, finite and >= 0, with a positive
   *     sum
   */
  public static ColumnGroup ofWeights(
      List<String> members, List<List<String>> values, List<double[]> weights) {
    String first = members.isEmpty() ? "?" : members.get(0);
    List<double[]> probabilities = new ArrayList<>();
    List<double[]> normalized = new ArrayList<>();
    for (int k = 0; k < weights.size(); k++) {
      double[] component = weights.get(k);
      double sum = 0;
      for (double weight : component) {
        if (!(weight >= 0) || Double.isInfinite(weight)) {
          throw Errors.invalidModel(
              "groups",
              "the group of '%s' has a weight of %s in component %d; weights are finite and >= 0",
              first,
              weight,
              k);
        }

        sum += weight;
      }

      if (!(sum > 0) || Double.isInfinite(sum)) {
        throw Errors.invalidModel(
            "groups",
            "the group of '%s' has weights summing to %s in component %d; give each component a"
                + " positive finite sum",
            first,
            sum,
            k);
      }

      double[] shares = new double[component.length];
      double[] kept = new double[component.length];
      for (int t = 0; t < shares.length; t++) {
        shares[t] = component[t] / sum;
        // A file lists only the tuples of non-zero weight: -0 reads back as 0.
        kept[t] = component[t] == 0 ? 0 : component[t];
      }

      probabilities.add(shares);
      normalized.add(kept);
    }

    return checked(members, values, probabilities, normalized);
  }

  private static ColumnGroup checked(
      List<String> members,
      List<List<String>> values,
      List<double[]> probabilities,
      List<double[]> weights) {
    String first = members.isEmpty() ? "?" : members.get(0);
    if (members.size() < 2 || new HashSet<>(members).size() != members.size()) {
      throw Errors.invalidModel(
          "groups",
          "the group of '%s' needs two or more different columns, got %s",
          first,
          members);
    }

    if (values.size() != members.size()) {
      throw Errors.invalidModel(
          "groups",
          "the group of '%s' needs one list of tuple values per column: %d columns, %d lists",
          first,
          members.size(),
          values.size());
    }

    int tuples = values.get(0).size();
    for (int m = 0; m < values.size(); m++) {
      if (values.get(m).size() != tuples) {
        throw Errors.invalidModel(
            "groups",
            "the group of '%s' lists %d values of '%s' for %d tuples; give one per tuple",
            first,
            values.get(m).size(),
            members.get(m),
            tuples);
      }
    }

    if (tuples < 1 || tuples > MAX_TUPLES) {
      throw Errors.invalidModel(
          "groups",
          "the group of '%s' has %d tuples; a group holds 1 to %d",
          first,
          tuples,
          MAX_TUPLES);
    }

    ColumnGroup group = new ColumnGroup(members, values, probabilities, weights);
    // Validates the probabilities as a categorical column's would be (one per tuple, >= 0, sum 1).
    group.tuples(probabilities.size());
    return group;
  }

  /** The hidden name of the group's copula column: the prefix and its first member. */
  public String name() {
    return NAME_PREFIX + members.get(0);
  }

  public List<String> members() {
    return members;
  }

  public int tupleCount() {
    return values.get(0).size();
  }

  /** Member {@code member}'s value in tuple {@code tuple}, as text; null for a null. */
  public String value(int member, int tuple) {
    return values.get(member).get(tuple);
  }

  /** Member {@code member}'s value in every tuple, as text (null for a null). */
  public List<String> values(int member) {
    return values.get(member);
  }

  public double[] probabilities(int component) {
    return probabilities.get(component).clone();
  }

  /** Whether the probabilities come from weights ({@link #ofWeights}). */
  public boolean hasWeights() {
    return weights != null;
  }

  /** The weights of component {@code component}, one per tuple; only when {@link #hasWeights}. */
  public double[] weights(int component) {
    if (weights == null) {
      throw new IllegalStateException("the group of '" + members.get(0) + "' has no weights");
    }

    return weights.get(component).clone();
  }

  public int componentCount() {
    return probabilities.size();
  }

  /**
   * The group's copula column: categories "0", "1", … (the tuple indexes, in copula order) with no
   * nulls (a member's null is a value of its tuples). Generation slices the copula uniform by its
   * intervals, as for any categorical column.
   */
  public CategoricalColumn tuples() {
    return tuples(probabilities.size());
  }

  private CategoricalColumn tuples(int components) {
    List<String> indexes = new ArrayList<>();
    for (int t = 0; t < tupleCount(); t++) {
      indexes.add(Integer.toString(t));
    }

    return CategoricalColumn.of(
        name(),
        DataType.of(LogicalType.STRING),
        ColumnKind.CATEGORICAL,
        indexes,
        probabilities,
        new double[components],
        null);
  }

  /**
   * Checks the group against the model's columns: every member exists, is categorical, boolean or
   * numeric, and its tuple values parse as its type.
   */
  void check(List<ColumnModel> columns, Set<String> grouped) {
    for (int m = 0; m < members.size(); m++) {
      String member = members.get(m);
      ColumnModel column =
          columns.stream().filter(c -> c.name().equals(member)).findFirst().orElse(null);
      if (column == null) {
        throw Errors.invalidModel(
            "groups", "the group of '%s' names no column '%s'", members.get(0), member);
      }

      if (column.kind() == ColumnKind.KEY || column.kind() == ColumnKind.TEXT) {
        throw Errors.invalidModel(
            "groups",
            "column '%s' is a %s column, which cannot be a group member; only categorical,"
                + " boolean and numeric columns can",
            member,
            column.kind().jsonName());
      }

      if (!grouped.add(member)) {
        throw Errors.invalidModel(
            "groups", "column '%s' belongs to two groups; a column belongs to at most one", member);
      }

      if (column.type().logicalType() != LogicalType.STRING) {
        for (int t = 0; t < tupleCount(); t++) {
          String text = value(m, t);
          if (text != null) {
            Values.parse(text, column.type(), "column '" + member + "' group tuple " + t);
          }
        }
      }
    }
  }

  @Override
  public String toString() {
    return "group " + members + " of " + tupleCount() + " tuples";
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof ColumnGroup)) {
      return false;
    }

    ColumnGroup that = (ColumnGroup) other;
    if (!members.equals(that.members)
        || !values.equals(that.values)
        || probabilities.size() != that.probabilities.size()
        || hasWeights() != that.hasWeights()) {
      return false;
    }

    for (int k = 0; k < probabilities.size(); k++) {
      if (!Arrays.equals(probabilities.get(k), that.probabilities.get(k))
          || (hasWeights() && !Arrays.equals(weights.get(k), that.weights.get(k)))) {
        return false;
      }
    }

    return true;
  }

  @Override
  public int hashCode() {
    return members.hashCode() * 31 + values.hashCode();
  }
}
