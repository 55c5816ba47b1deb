package io.synthlake.core.generate;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.generate.Condition.Literal;
import io.synthlake.core.generate.Condition.Operator;
import io.synthlake.core.generate.Condition.Term;
import io.synthlake.core.marginal.Marginal;
import io.synthlake.core.model.CategoricalColumn;
import io.synthlake.core.model.ColumnModel;
import io.synthlake.core.model.NumericColumn;
import io.synthlake.core.model.NumericDistribution;
import io.synthlake.core.model.NumericFormat;
import io.synthlake.core.types.ColumnKind;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import io.synthlake.core.types.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoublePredicate;
import java.util.stream.Collectors;

/**
 * Where one column satisfies its terms of a condition, per mixture component: the set of copula
 * uniforms that its generator maps to a satisfying value. A categorical column's set is a union of
 * its categories' intervals; a numeric column's is found by bisection over the doubles on the
 * generator's own map (null share, quantile, clipping and rounding, all monotone), so its ends are
 * exact and no value drawn inside them fails the condition.
 */
final class ColumnIntervals {
  final String column;
  final int copula;

  /** sets[k]: component k's set, as {@link Intervals}. */
  final double[][] sets;

  private ColumnIntervals(String column, int copula, double[][] sets) {
    this.column = column;
    this.copula = copula;
    this.sets = sets;
  }

  /** The mass of a set of uniforms: its length. */
  static double mass(double[] set) {
    double total = 0;
    for (int i = 0; i < set.length; i += 2) {
      total += set[i + 1] - set[i];
    }

    return total;
  }

  /**
   * Compiles {@code terms}, all on {@code model}; fails naming the column when one term, or their
   * conjunction, has probability 0 in the model ({@code weights} are the components').
   */
  static ColumnIntervals of(ColumnModel model, int copula, List<Term> terms, double[] weights) {
    int components = weights.length;
    double[][] sets = null;
    for (Term term : terms) {
      double[][] termSets = new double[components][];
      for (int k = 0; k < components; k++) {
        termSets[k] =
            model instanceof CategoricalColumn
                ? categorical((CategoricalColumn) model, k, term)
                : numeric((NumericColumn) model, k, term);
      }

      if (probability(termSets, weights) <= 0) {
        throw zeroProbability(model, term);
      }

      if (sets == null) {
        sets = termSets;
      } else {
        for (int k = 0; k < components; k++) {
          sets[k] = Intervals.intersect(sets[k], termSets[k]);
        }
      }
    }

    if (probability(sets, weights) <= 0) {
      throw SynthlakeException.of(
          "condition on column '%s': %s never hold together in the model; loosen one of them",
          SynthlakeException.shown(model.name()),
          terms.stream().map(Term::toString).collect(Collectors.joining(" AND ")));
    }

    return new ColumnIntervals(model.name(), copula, sets);
  }

  /**
   * Where all of {@code parts} hold, parts on one copula column: members of one group, each seen as
   * a column over the group's tuples ({@code members}), whose terms together select the tuples that
   * hold them all. Fails in one line when no tuple does in any component.
   */
  static ColumnIntervals together(
      List<ColumnIntervals> parts, double[] weights, List<String> members) {
    ColumnIntervals first = parts.get(0);
    if (parts.size() == 1) {
      return first;
    }

    double[][] sets = first.sets.clone();
    for (ColumnIntervals part : parts.subList(1, parts.size())) {
      for (int k = 0; k < sets.length; k++) {
        sets[k] = Intervals.intersect(sets[k], part.sets[k]);
      }
    }

    String names =
        parts.stream()
            .map(p -> "'" + SynthlakeException.shown(p.column) + "'")
            .collect(Collectors.joining(" and "));
    if (probability(sets, weights) <= 0) {
      throw SynthlakeException.of(
          "condition on columns %s: they are drawn as one of their group's learned tuples (%s), and"
              + " no tuple holds all their terms (the model never saw these values together);"
              + " loosen one of them",
          names, SynthlakeException.shown(String.join(", ", members), 200));
    }

    return new ColumnIntervals(
        parts.stream().map(p -> p.column).collect(Collectors.joining(", ")), first.copula, sets);
  }

  private static double probability(double[][] sets, double[] weights) {
    double total = 0;
    for (int k = 0; k < weights.length; k++) {
      total += weights[k] * mass(sets[k]);
    }

    return total;
  }

  // ---- categorical columns: a union of category intervals ----

  private static double[] categorical(CategoricalColumn column, int k, Term term) {
    boolean[] slots = slots(column, term);
    double[] ends = column.intervalEnds(k);
    List<double[]> parts = new ArrayList<>();
    for (int s = 0; s < slots.length; s++) {
      if (slots[s]) {
        parts.add(Intervals.of(s == 0 ? 0 : ends[s - 1], ends[s]));
      }
    }

    return Intervals.union(parts);
  }

  /** Which slots (0: null, c + 1: category c) satisfy the term. */
  private static boolean[] slots(CategoricalColumn column, Term term) {
    List<String> categories = column.categories();
    boolean[] slots = new boolean[categories.size() + 1];
    Operator op = term.operator();
    if (op == Operator.IS_NULL || op == Operator.IS_NOT_NULL) {
      slots[0] = op == Operator.IS_NULL;
      for (int c = 0; c < categories.size(); c++) {
        slots[c + 1] = op == Operator.IS_NOT_NULL;
      }

      return slots;
    }

    boolean text = column.type().logicalType() == LogicalType.STRING;
    boolean composed = column.kind() == ColumnKind.TEXT;
    boolean equality = op == Operator.EQUAL || op == Operator.IN;
    if (composed && !equality) {
      throw SynthlakeException.of(
          "condition on column '%s': it is free text, whose rarer values are composed from "
              + "words, so only =, IN and IS [NOT] NULL can condition it",
          SynthlakeException.shown(column.name()));
    }

    if (text
        && op != Operator.EQUAL
        && op != Operator.NOT_EQUAL
        && op != Operator.IN
        && op != Operator.NOT_IN) {
      throw SynthlakeException.of(
          "condition on column '%s': its categories are text, which %s does not order; use =, "
              + "!=, IN or NOT IN",
          SynthlakeException.shown(column.name()), op.text());
    }

    // Composed text is not its category's label, so an equality never matches it.
    int matchable = composed ? categories.size() - 1 : categories.size();
    double[] bounds = text ? null : values(column, term);
    for (int c = 0; c < matchable; c++) {
      String category = categories.get(c);
      boolean holds;
      if (text) {
        boolean listed = false;
        for (Literal literal : term.values()) {
          listed |= literal.text().equals(category);
        }

        holds = op == Operator.EQUAL || op == Operator.IN ? listed : !listed;
      } else {
        holds = compare(Values.parse(category, column.type(), "category"), op, bounds);
      }

      slots[c + 1] = holds;
    }

    return slots;
  }

  /** Whether {@code value} satisfies the operator with the literals' values. */
  private static boolean compare(double value, Operator op, double[] literals) {
    switch (op) {
      case EQUAL:
        return value == literals[0];
      case NOT_EQUAL:
        return value != literals[0];
      case LESS:
        return value < literals[0];
      case LESS_OR_EQUAL:
        return value <= literals[0];
      case GREATER:
        return value > literals[0];
      case GREATER_OR_EQUAL:
        return value >= literals[0];
      case BETWEEN:
        return value >= literals[0] && value <= literals[1];
      case NOT_BETWEEN:
        return value < literals[0] || value > literals[1];
      case IN:
      case NOT_IN:
        boolean listed = false;
        for (double literal : literals) {
          listed |= value == literal;
        }

        return op == Operator.IN ? listed : !listed;
      default:
        throw new IllegalArgumentException(op.text());
    }
  }

  /** The literals as values of the column's type. */
  private static double[] values(ColumnModel column, Term term) {
    double[] values = new double[term.values().size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = value(column, term.values().get(i));
    }

    return values;
  }

  private static double value(ColumnModel column, Literal literal) {
    DataType type = column.type();
    try {
      return emitted(
          type, Values.parse(literal.text(), type, "column '" + column.name() + "' value"));
    } catch (SynthlakeException e) {
      throw SynthlakeException.of(
          "condition on column '%s': %s is not a value of its type, %s; write %s",
          SynthlakeException.shown(column.name()),
          SynthlakeException.shown(literal.toString(), 60),
          type,
          example(type));
    }
  }

  private static String example(DataType type) {
    switch (type.logicalType()) {
      case BOOLEAN:
        return "TRUE or FALSE";
      case DATE:
        return "a date such as '2024-01-31'";
      case TIMESTAMP:
        return "an instant such as '2024-01-31T12:00:00Z'";
      case TIMESTAMP_NTZ:
        return "a local time such as '2024-01-31T12:00:00'";
      default:
        return "a number such as 500 or 2.5";
    }
  }

  /** The value the column's sink receives: a FLOAT column keeps single precision. */
  private static double emitted(DataType type, double value) {
    return type.logicalType() == LogicalType.FLOAT ? (double) (float) value : value;
  }

  // ---- numeric columns: intervals found on the generator's monotone map ----

  private static double[] numeric(NumericColumn column, int k, Term term) {
    NumericDistribution distribution = column.components().get(k);
    double nullShare = distribution.nullShare();
    Marginal marginal = distribution.marginal();
    double from = nullShare;
    double to = 1.0;
    Operator op = term.operator();
    if (op == Operator.IS_NULL) {
      return Intervals.of(0, nullShare);
    }

    if (op == Operator.IS_NOT_NULL || marginal == null) {
      return marginal == null ? Intervals.EMPTY : Intervals.of(from, to);
    }

    NumericMap map = new NumericMap(column.format(), marginal, nullShare, column.type());
    double[] x = values(column, term);
    switch (op) {
      case EQUAL:
        return Intervals.of(map.firstAtLeast(x[0]), map.firstAbove(x[0]));
      case NOT_EQUAL:
        return Intervals.union(
            List.of(
                Intervals.of(from, map.firstAtLeast(x[0])),
                Intervals.of(map.firstAbove(x[0]), to)));
      case LESS:
        return Intervals.of(from, map.firstAtLeast(x[0]));
      case LESS_OR_EQUAL:
        return Intervals.of(from, map.firstAbove(x[0]));
      case GREATER:
        return Intervals.of(map.firstAbove(x[0]), to);
      case GREATER_OR_EQUAL:
        return Intervals.of(map.firstAtLeast(x[0]), to);
      case BETWEEN:
        return Intervals.of(map.firstAtLeast(x[0]), map.firstAbove(x[1]));
      case NOT_BETWEEN:
        return Intervals.union(
            List.of(
                Intervals.of(from, map.firstAtLeast(x[0])),
                Intervals.of(map.firstAbove(x[1]), to)));
      case IN:
      case NOT_IN:
        List<double[]> parts = new ArrayList<>();
        for (double value : x) {
          parts.add(Intervals.of(map.firstAtLeast(value), map.firstAbove(value)));
        }

        double[] listed = Intervals.union(parts);
        return op == Operator.IN ? listed : Intervals.complement(listed, from, to);
      default:
        throw new IllegalArgumentException(op.text());
    }
  }

  /**
   * A numeric column's value in one component as its generator computes it from a uniform (a
   * conditioned column always takes uniforms, see {@link ConditionalModel}).
   */
  private static final class NumericMap {
    private final NumericFormat format;
    private final Marginal marginal;
    private final double nullShare;
    private final DataType type;

    NumericMap(NumericFormat format, Marginal marginal, double nullShare, DataType type) {
      this.format = format;
      this.marginal = marginal;
      this.nullShare = nullShare;
      this.type = type;
    }

    double value(double u) {
      double p = nullShare > 0 ? (u - nullShare) / (1.0 - nullShare) : u;
      return emitted(type, format.apply(marginal.quantile(p)));
    }

    /** The smallest uniform whose value is at least {@code x}: the end of the values below it. */
    double firstAtLeast(double x) {
      return first(v -> v >= x);
    }

    /** The smallest uniform whose value exceeds {@code x}. */
    double firstAbove(double x) {
      return first(v -> v > x);
    }

    /**
     * The smallest uniform in [null share, 1) whose value satisfies {@code holds} (false below some
     * uniform, true from it on), by bisection over the doubles themselves (positive doubles order
     * as their bits): 1 when none does.
     */
    private double first(DoublePredicate holds) {
      long lo = Double.doubleToLongBits(nullShare + 0.0);
      long hi = Double.doubleToLongBits(1.0);
      while (lo < hi) {
        long mid = lo + (hi - lo) / 2;
        if (holds.test(value(Double.longBitsToDouble(mid)))) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }

      return Double.longBitsToDouble(lo);
    }
  }

  // ---- why a term has probability 0 ----

  private static SynthlakeException zeroProbability(ColumnModel column, Term term) {
    String name = SynthlakeException.shown(column.name());
    Operator op = term.operator();
    if (op == Operator.IS_NULL) {
      return SynthlakeException.of(
          "condition on column '%s': %s never holds, the model never makes it null", name, term);
    }

    if (op == Operator.IS_NOT_NULL) {
      return SynthlakeException.of(
          "condition on column '%s': %s never holds, the model makes it always null", name, term);
    }

    if (column instanceof CategoricalColumn) {
      CategoricalColumn categorical = (CategoricalColumn) column;
      // A group member is seen as a column over the group's tuples, whose values repeat.
      List<String> categories = categorical.categories().stream().distinct().toList();
      if (op == Operator.EQUAL || op == Operator.IN) {
        List<String> unknown = new ArrayList<>();
        for (Literal literal : term.values()) {
          if (!known(categorical, literal)) {
            unknown.add(SynthlakeException.shown(literal.toString(), 60));
          }
        }

        if (!unknown.isEmpty()) {
          return SynthlakeException.of(
              "condition on column '%s': the model has no category %s (it knows %d: %s), so "
                  + "%s never holds; use one of its categories",
              name,
              String.join(", ", unknown),
              categories.size(),
              shownCategories(categories),
              term);
        }
      }

      return SynthlakeException.of(
          "condition on column '%s': %s has probability 0 in the model (no category it knows "
              + "with a positive share satisfies it)",
          name, term);
    }

    NumericColumn numeric = (NumericColumn) column;
    NumericFormat format = numeric.format();
    String low = Values.format(format.min(), column.type());
    String high = Values.format(format.max(), column.type());
    if (op == Operator.EQUAL || op == Operator.IN) {
      return SynthlakeException.of(
          "condition on column '%s': %s has probability 0 in the model, whose values lie in "
              + "[%s, %s]%s; condition on a range (BETWEEN) instead",
          name,
          term,
          low,
          high,
          numeric.kind() == ColumnKind.CONTINUOUS
              ? " and are continuous, so any one value has probability 0"
              : "");
    }

    return SynthlakeException.of(
        "condition on column '%s': %s never holds, the model's values lie in [%s, %s]; give a "
            + "range that meets it",
        name, term, low, high);
  }

  private static boolean known(CategoricalColumn column, Literal literal) {
    boolean text = column.type().logicalType() == LogicalType.STRING;
    for (String category : column.categories()) {
      if (text
          ? category.equals(literal.text())
          : Values.parse(category, column.type(), "category") == value(column, literal)) {
        return true;
      }
    }

    return false;
  }

  private static String shownCategories(List<String> categories) {
    String shown =
        categories.stream()
            .limit(10)
            .map(c -> "'" + SynthlakeException.shown(c, 40) + "'")
            .collect(Collectors.joining(", "));
    return categories.size() > 10 ? shown + ", …" : shown;
  }
}
