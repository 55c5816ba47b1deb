package io.synthlake.spark;

import io.synthlake.core.generate.ColumnSink;
import io.synthlake.core.generate.TableSampler;
import io.synthlake.core.model.CategoricalColumn;
import io.synthlake.core.model.ColumnModel;
import io.synthlake.core.model.Derivation;
import io.synthlake.core.model.GaussianCopulaMixture;
import io.synthlake.core.model.KeyColumn;
import io.synthlake.core.model.NumericColumn;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.model.TimeOfDay;
import io.synthlake.core.types.LogicalType;
import io.synthlake.core.types.Values;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A human-readable summary of a model. Numeric columns are summarized from rows the model generates
 * (so the figures are what users will get); categorical columns from their mixture-weighted
 * probabilities. The text of {@link SynthesisModel#describe()} (and the CLI's {@code describe});
 * pure Java over core's model, kept beside the one method that uses it rather than in core's
 * file-format package.
 */
final class ModelDescription {
  private static final int SUMMARY_BLOCKS = 4;
  private static final int TOP_CATEGORIES = 5;
  private static final int TOP_CORRELATIONS = 3;

  private ModelDescription() {}

  static String of(TableModel model) {
    List<ColumnModel> columns = model.columns();
    Summary[] summaries = summarize(model);
    StringBuilder out = new StringBuilder();
    Map<String, String> properties = model.properties();
    out.append(
        String.format(
            Locale.ROOT,
            "synthlake model: %d columns, %d mixture component(s)%n",
            columns.size(),
            model.dependence().componentCount()));
    properties.forEach(
        (key, value) -> out.append(String.format(Locale.ROOT, "  %s: %s%n", key, value)));
    out.append(String.format(Locale.ROOT, "%nColumns%n"));
    int width = columns.stream().mapToInt(c -> c.name().length()).max().orElse(4);
    for (int i = 0; i < columns.size(); i++) {
      ColumnModel column = columns.get(i);
      out.append(
          String.format(
              Locale.ROOT,
              "  %-" + width + "s  %-14s %-12s %s%n",
              column.name(),
              column.type(),
              column.kind().jsonName(),
              detail(column, summaries[i], model)));
    }

    if (!model.derivations().isEmpty()) {
      // Computed from the generated inputs, so these hold in the rows generated.
      out.append(String.format(Locale.ROOT, "%nDerived columns%n"));
      for (Derivation derivation : model.derivations()) {
        out.append("  ").append(derivation.formula()).append(System.lineSeparator());
      }
    }

    if (!model.groups().isEmpty()) {
      // Drawn as one of the learned tuples, so what they hold holds in every generated row.
      out.append(String.format(Locale.ROOT, "%nColumn groups (drawn as learned tuples)%n"));
      GroupLines.of(model)
          .forEach(line -> out.append("  ").append(line).append(System.lineSeparator()));
    }

    if (model.dependence() instanceof GaussianCopulaMixture) {
      describeMixture(out, model, (GaussianCopulaMixture) model.dependence());
    }

    return out.toString();
  }

  private static String detail(ColumnModel column, Summary summary, TableModel model) {
    if (column instanceof KeyColumn) {
      KeyColumn key = (KeyColumn) column;
      switch (key.style()) {
        case SEQUENCE:
          return String.format(
              Locale.ROOT,
              "unique %s from %s%d, step %d",
              "sequence",
              key.prefix(),
              key.start(),
              key.step());
        case UUID:
          return "unique UUIDs derived from (seed, row)";
        default:
          return "unique codes "
              + key.prefix()
              + key.template()
              + " (9 digit, A/a letter, X/x either)";
      }
    }

    String nulls =
        String.format(
            Locale.ROOT, "nulls %.1f%%", 100.0 * summary.nulls / Math.max(1, summary.rows));
    if (column instanceof NumericColumn) {
      NumericColumn numeric = (NumericColumn) column;
      double[] values = Arrays.copyOf(summary.numbers, summary.count);
      Arrays.sort(values);
      if (values.length == 0) {
        return nulls;
      }

      return String.format(
          Locale.ROOT,
          "%s  p1 %s  median %s  p99 %s  bounds [%s, %s]%s%s",
          nulls,
          text(quantile(values, 0.01), numeric),
          text(quantile(values, 0.5), numeric),
          text(quantile(values, 0.99), numeric),
          text(numeric.format().min(), numeric),
          text(numeric.format().max(), numeric),
          numeric.format().decimals() >= 0
              ? ", " + numeric.format().decimals() + " decimal(s)"
              : "",
          timeOfDay(numeric));
    }

    CategoricalColumn categorical = (CategoricalColumn) column;
    double[] weights = ((GaussianCopulaMixture) model.dependence()).weights();
    double[] shares = new double[categorical.categories().size()];
    for (int k = 0; k < weights.length; k++) {
      double[] p = categorical.probabilities(k);
      for (int c = 0; c < shares.length; c++) {
        shares[c] += weights[k] * (1 - categorical.nullShare(k)) * p[c];
      }
    }

    Integer[] order = new Integer[shares.length];
    for (int c = 0; c < order.length; c++) {
      order[c] = c;
    }

    Arrays.sort(order, (a, b) -> Double.compare(shares[b], shares[a]));
    List<String> top = new ArrayList<>();
    for (int i = 0; i < Math.min(TOP_CATEGORIES, order.length); i++) {
      top.add(
          String.format(
              Locale.ROOT,
              "%s %.1f%%",
              categorical.categories().get(order[i]),
              100 * shares[order[i]]));
    }

    String more =
        order.length > TOP_CATEGORIES
            ? String.format(Locale.ROOT, ", … (%d categories)", order.length)
            : "";
    String words =
        categorical.composer() == null
            ? ""
            : String.format(
                Locale.ROOT,
                "; composed text from %d frequent words",
                categorical.composer().words().size());
    return nulls + "  " + String.join(", ", top) + more + words;
  }

  private static void describeMixture(
      StringBuilder out, TableModel model, GaussianCopulaMixture mixture) {
    List<String> names =
        model.copulaNames().stream().map(name -> GroupLines.copulaName(model, name)).toList();
    out.append(
        String.format(
            Locale.ROOT,
            "%nDependence: mixture of %d Gaussian copula(s) over %d columns%n",
            mixture.componentCount(),
            names.size()));
    double[] weights = mixture.weights();
    for (int k = 0; k < weights.length; k++) {
      double[][] correlation = mixture.correlation(k);
      List<double[]> pairs = new ArrayList<>();
      for (int a = 0; a < correlation.length; a++) {
        for (int b = 0; b < a; b++) {
          pairs.add(new double[] {a, b, correlation[a][b]});
        }
      }

      pairs.sort((x, y) -> Double.compare(Math.abs(y[2]), Math.abs(x[2])));
      List<String> strongest = new ArrayList<>();
      for (int i = 0; i < Math.min(TOP_CORRELATIONS, pairs.size()); i++) {
        double[] pair = pairs.get(i);
        strongest.add(
            String.format(
                Locale.ROOT,
                "%s ~ %s %+.2f",
                names.get((int) pair[0]),
                names.get((int) pair[1]),
                pair[2]));
      }

      out.append(
          String.format(
              Locale.ROOT,
              "  component %d: weight %.1f%%%s%n",
              k + 1,
              100 * weights[k],
              strongest.isEmpty()
                  ? ""
                  : "; strongest correlations: " + String.join(", ", strongest)));
    }
  }

  /** How a timestamp's time of day is modelled apart from its date, or nothing. */
  static String timeOfDay(NumericColumn column) {
    TimeOfDay timeOfDay = column.timeOfDay();
    if (timeOfDay == null) {
      return "";
    }

    long step = (long) timeOfDay.step();
    return String.format(
        Locale.ROOT,
        ", time of day apart on the %s clock%s",
        timeOfDay.zone(),
        step == 0 ? "" : step % 60 == 0 ? " every " + step / 60 + " min" : " every " + step + " s");
  }

  private static String text(double value, NumericColumn column) {
    if (column.type().logicalType().isTemporal()) {
      return Values.format(value, column.type());
    }

    int decimals = column.format().step() == 1 ? 0 : column.format().decimals();
    return decimals >= 0
        ? String.format(Locale.ROOT, "%." + decimals + "f", value)
        : String.format(Locale.ROOT, "%.6g", value);
  }

  private static double quantile(double[] sorted, double p) {
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  }

  private static Summary[] summarize(TableModel model) {
    int columns = model.columns().size();
    Summary[] summaries = new Summary[columns];
    ColumnSink[] sinks = new ColumnSink[columns];
    for (int i = 0; i < columns; i++) {
      ColumnModel column = model.columns().get(i);
      // Decimals arrive as unscaled longs.
      double divisor =
          column.type().logicalType() == LogicalType.DECIMAL
              ? Math.pow(10, column.type().scale())
              : 1;
      summaries[i] = new Summary(SUMMARY_BLOCKS * TableSampler.BLOCK_ROWS, divisor);
      sinks[i] = model.columns().get(i) instanceof NumericColumn ? summaries[i] : null;
    }

    TableSampler.BlockWriter writer = TableSampler.of(model, 1L).newBlockWriter();
    for (int block = 0; block < SUMMARY_BLOCKS; block++) {
      writer.write(block, TableSampler.BLOCK_ROWS, sinks);
    }

    for (int i = 0; i < columns; i++) {
      if (model.columns().get(i) instanceof CategoricalColumn) {
        CategoricalColumn categorical = (CategoricalColumn) model.columns().get(i);
        double[] weights = ((GaussianCopulaMixture) model.dependence()).weights();
        double nulls = 0;
        for (int k = 0; k < weights.length; k++) {
          nulls += weights[k] * categorical.nullShare(k);
        }

        summaries[i].rows = 1_000_000;
        summaries[i].nulls = (int) Math.round(nulls * 1_000_000);
      }
    }

    return summaries;
  }

  /** Collects generated numbers of one column (number form) and counts nulls. */
  private static final class Summary implements ColumnSink {
    private final double[] numbers;
    private final double divisor;
    private int count;
    private int nulls;
    private int rows;

    Summary(int capacity, double divisor) {
      this.numbers = new double[capacity];
      this.divisor = divisor;
    }

    @Override
    public void putNull(int row) {
      nulls++;
      rows++;
    }

    @Override
    public void putLong(int row, long value) {
      numbers[count++] = value / divisor;
      rows++;
    }

    @Override
    public void putDouble(int row, double value) {
      numbers[count++] = value;
      rows++;
    }

    @Override
    public void putBoolean(int row, boolean value) {
      putLong(row, value ? 1 : 0);
    }

    @Override
    public void putUtf8(int row, byte[] bytes, int offset, int length) {
      rows++;
    }
  }
}
