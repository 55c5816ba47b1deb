package io.synthlake.core.fit;

import io.synthlake.core.Errors;
import io.synthlake.core.model.CategoricalColumn;
import io.synthlake.core.model.ColumnModel;
import io.synthlake.core.model.TextComposer;
import io.synthlake.core.types.ColumnKind;
import io.synthlake.core.types.LogicalType;
import io.synthlake.core.types.Values;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fits categorical, boolean and text columns. Categories start most frequent first; the fitter may
 * then reorder a categorical column for the copula ({@link CategoryOrdering}). Values seen in fewer
 * than k rows are never kept. By default a categorical column's rare rows form a pool that is
 * fitted like a category and then dropped, its share in each component going to that component's
 * frequent categories in proportion, so every generated value is a real frequent one. With a rare
 * token, string categoricals pool them into the token instead and other types fold them into the
 * most frequent category. Text columns send them to the composed category, whose words must
 * themselves occur in k rows; boolean columns keep both values whatever their counts.
 */
final class CategoricalPlan implements ColumnPlan {
  /** The last category of a text column: values composed from frequent words. */
  static final String COMPOSED = "(composed text)";

  private static final int MAX_WORDS = 20;

  private final SampleColumn sample;
  private final ColumnKind kind;

  /** The categories in copula order; the pool of rare values, while fitting, as null. */
  private List<String> categories;

  /** Where the pool of rare values sits in {@link #categories}, or -1 when there is none. */
  private int pool;

  private final double[] codes;
  private final TextComposer composer;

  CategoricalPlan(SampleColumn sample, ColumnKind kind, FitSettings settings) {
    this(sample, kind, settings, null);
  }

  /**
   * A plan whose rare values are exactly {@code rareValues} (pooled whatever their counts, and
   * never under a rare token), the others kept whatever theirs: a group's tuples, rare when one of
   * their values is; null for the values in fewer than k rows.
   */
  CategoricalPlan(
      SampleColumn sample, ColumnKind kind, FitSettings settings, Set<String> rareValues) {
    this.sample = sample;
    this.kind = kind;
    int rows = sample.size();
    String[] text = new String[rows];
    Map<String, Integer> counts = new HashMap<>();
    for (int row = 0; row < rows; row++) {
      if (!sample.isNull(row)) {
        text[row] =
            sample.isString()
                ? sample.string(row)
                : Values.format(sample.number(row), sample.type());
        counts.merge(text[row], 1, Integer::sum);
      }
    }

    int k = settings.rareCount();
    Map<String, Integer> kept = new LinkedHashMap<>();
    for (Map.Entry<String, Integer> entry : counts.entrySet()) {
      if (rareValues == null
          ? entry.getValue() >= k || kind == ColumnKind.BOOLEAN
          : !rareValues.contains(entry.getKey())) {
        kept.put(entry.getKey(), entry.getValue());
      }
    }

    int rare = counts.values().stream().mapToInt(Integer::intValue).sum() - sum(kept);

    String fallback = null;
    boolean pooling = false;
    if (rare > 0) {
      if (kind == ColumnKind.TEXT) {
        fallback = COMPOSED;
      } else if (settings.rareToken().isEmpty() || rareValues != null) {
        if (kept.isEmpty()) {
          throw sample.isString()
              ? Errors.noFrequentString(sample.name(), k)
              : Errors.noFrequentCategory(
                  sample.name(), k, numericKind(sample.type().logicalType()));
        }

        pooling = true;
      } else if (sample.isString()) {
        fallback = settings.rareToken().get();
        kept.merge(fallback, rare, Integer::sum);
      } else {
        fallback =
            kept.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElseThrow(
                    () ->
                        Errors.noFrequentCategory(
                            sample.name(), k, numericKind(sample.type().logicalType())));
        kept.merge(fallback, rare, Integer::sum);
      }
    }

    List<String> ordered = new ArrayList<>(kept.keySet());
    ordered.sort(
        (a, b) ->
            kept.get(b).equals(kept.get(a))
                ? a.compareTo(b)
                : Integer.compare(kept.get(b), kept.get(a)));
    if (kind == ColumnKind.TEXT) {
      ordered.remove(COMPOSED);
      ordered.add(COMPOSED);
    }

    Map<String, Integer> index = new HashMap<>();
    for (int c = 0; c < ordered.size(); c++) {
      index.put(ordered.get(c), c);
    }

    // The pool of rare values takes its place in frequency order after the categories at least as
    // frequent (a label cannot mark it: any text may be a real value). Its rows keep their own
    // block of the copula while the column is ordered, clustered and correlated, so that they
    // neither pose as a real category nor move the others' scores; build() drops it.
    this.pool = pooling ? (int) ordered.stream().filter(c -> kept.get(c) >= rare).count() : -1;
    if (pooling) {
      ordered.add(pool, null);
      index.replaceAll((category, c) -> c >= pool ? c + 1 : c);
    }

    this.categories = new ArrayList<>(ordered);
    this.codes = new double[rows];
    List<String> composedValues = new ArrayList<>();
    for (int row = 0; row < rows; row++) {
      if (text[row] == null) {
        codes[row] = -1;
      } else {
        Integer code = index.get(text[row]);
        if (code == null) {
          code = pooling ? pool : index.get(fallback);
          if (kind == ColumnKind.TEXT) {
            composedValues.add(text[row]);
          }
        }

        codes[row] = code;
      }
    }

    this.composer = kind == ColumnKind.TEXT ? composer(composedValues, k) : null;
  }

  /**
   * The by-value kind for a non-string type, offered when a categorical override leaves no
   * category.
   */
  private static ColumnKind numericKind(LogicalType type) {
    if (type == LogicalType.DATE) {
      return ColumnKind.DATE;
    }

    if (type.isTemporal()) {
      return ColumnKind.TIMESTAMP;
    }

    return type.isIntegral() ? ColumnKind.INTEGER : ColumnKind.CONTINUOUS;
  }

  /** Word counts and words that occur in at least {@code k} of the values to compose. */
  private static TextComposer composer(List<String> values, int k) {
    Map<String, Integer> wordRows = new LinkedHashMap<>();
    double[] wordCounts = new double[MAX_WORDS];
    for (String value : values) {
      String[] words = value.trim().split("\\s+");
      wordCounts[Math.min(MAX_WORDS, Math.max(1, words.length)) - 1]++;
      for (String word : new LinkedHashSet<>(Arrays.asList(words))) {
        if (!word.isEmpty()) {
          wordRows.merge(word, 1, Integer::sum);
        }
      }
    }

    List<String> words = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    wordRows.entrySet().stream()
        .filter(e -> e.getValue() >= k)
        .sorted(
            Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .forEach(
            e -> {
              words.add(e.getKey());
              weights.add((double) e.getValue());
            });

    double total = Arrays.stream(wordCounts).sum();
    if (total == 0) {
      wordCounts[0] = 1;
      total = 1;
    }

    int last = MAX_WORDS;
    while (last > 1 && wordCounts[last - 1] == 0) {
      last--;
    }

    double[] shares = new double[last];
    for (int i = 0; i < last; i++) {
      shares[i] = wordCounts[i] / total;
    }

    return TextComposer.of(
        words, weights.stream().mapToDouble(Double::doubleValue).toArray(), shares);
  }

  @Override
  public double[] scoreKeys() {
    return codes;
  }

  /**
   * Whether the copula order of the categories may be chosen from the data (text keeps its composed
   * category last).
   */
  boolean reorderable() {
    // The pool counts: it holds a place in the copula while fitting, as a rare token would, so the
    // fit's dependence is the token fit's and only the token's share moves.
    return kind == ColumnKind.CATEGORICAL && categories.size() > 2;
  }

  /**
   * Reorders the categories by ascending {@code keys} (ties keep the frequency order) and recodes
   * the rows.
   */
  void reorder(double[] keys) {
    Integer[] order = new Integer[categories.size()];
    for (int c = 0; c < order.length; c++) {
      order[c] = c;
    }

    Arrays.sort(order, (a, b) -> Double.compare(keys[a], keys[b]));
    int[] newCode = new int[order.length];
    List<String> reordered = new ArrayList<>();
    for (int position = 0; position < order.length; position++) {
      newCode[order[position]] = position;
      reordered.add(categories.get(order[position]));
    }

    for (int row = 0; row < codes.length; row++) {
      if (codes[row] >= 0) {
        codes[row] = newCode[(int) codes[row]];
      }
    }

    this.categories = reordered;
    this.pool = pool >= 0 ? newCode[pool] : -1;
  }

  ColumnKind kind() {
    return kind;
  }

  String name() {
    return sample.name();
  }

  /** Category {@code c} in the current order while fitting; null for the pool of rare values. */
  String category(int c) {
    return categories.get(c);
  }

  /** The categories while fitting, the pool of rare values included. */
  int categoryCount() {
    return categories.size();
  }

  @Override
  public Object fitComponent(int[] rows, long seed) {
    double[] counts = new double[categories.size()];
    int nulls = 0;
    for (int row : rows) {
      if (codes[row] < 0) {
        nulls++;
      } else {
        counts[(int) codes[row]]++;
      }
    }

    int nonNull = rows.length - nulls;
    double[] result = new double[counts.length + 1];
    result[0] = rows.length == 0 ? 0 : (double) nulls / rows.length;
    for (int c = 0; c < counts.length; c++) {
      result[c + 1] = nonNull == 0 ? 1.0 / counts.length : counts[c] / nonNull;
    }

    return result;
  }

  @Override
  public ColumnModel build(List<Object> components) {
    List<double[]> probabilities = new ArrayList<>();
    double[] nullShares = new double[components.size()];
    for (int k = 0; k < components.size(); k++) {
      double[] fitted = (double[]) components.get(k);
      nullShares[k] = fitted[0];
      probabilities.add(Arrays.copyOfRange(fitted, 1, fitted.length));
    }

    if (pool < 0) {
      return CategoricalColumn.of(
          sample.name(), sample.type(), kind, categories, probabilities, nullShares, composer);
    }

    // The pool's share goes to the frequent categories in proportion to their shares in the same
    // component, so the rows of each kind keep their own mix; a component whose non-null rows were
    // all rare takes the column's mix over the whole sample.
    double[] overall = withoutPool(frequencies());
    List<double[]> merged = new ArrayList<>();
    for (double[] shares : probabilities) {
      double[] frequent = withoutPool(shares);
      double total = Arrays.stream(frequent).sum();
      double[] source = total > 0 ? frequent : overall;
      double sourceTotal = total > 0 ? total : Arrays.stream(overall).sum();
      merged.add(Arrays.stream(source).map(p -> p / sourceTotal).toArray());
    }

    List<String> kept = new ArrayList<>(categories);
    kept.remove(pool);
    return CategoricalColumn.of(
        sample.name(), sample.type(), kind, kept, merged, nullShares, composer);
  }

  /** Rows per category over the whole sample. */
  private double[] frequencies() {
    double[] counts = new double[categories.size()];
    for (double code : codes) {
      if (code >= 0) {
        counts[(int) code]++;
      }
    }

    return counts;
  }

  private double[] withoutPool(double[] perCategory) {
    double[] result = new double[perCategory.length - 1];
    for (int c = 0, r = 0; c < perCategory.length; c++) {
      if (c != pool) {
        result[r++] = perCategory[c];
      }
    }

    return result;
  }

  private static int sum(Map<String, Integer> counts) {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }
}
