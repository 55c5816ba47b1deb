package io.synthlake.bench.spark;

import io.synthlake.core.evaluate.EvaluationResult;
import io.synthlake.core.evaluate.EvaluationSettings;
import io.synthlake.spark.Evaluation;
import io.synthlake.spark.FitOptions;
import io.synthlake.spark.GenerateOptions;
import io.synthlake.spark.SpecGenerator;
import io.synthlake.spark.SynthesisModel;
import io.synthlake.spark.Synthesizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How fit time and fidelity grow with the sample size and the number of columns. The "real" table
 * comes from a spec whose truth is known ({@link #wideSpec}): a quarter each of log-normal amounts,
 * normals, categories and Poisson counts, numeric neighbours correlated, and a second mixture
 * component that moves the normals. For each point: fit on the sample (timed), generate as many
 * rows as the holdout, and evaluate them against the sample and a holdout drawn with another seed
 * (the evaluation's accuracy and its ceiling).
 */
public final class FitScaling {
  private static final Logger LOG = LoggerFactory.getLogger(FitScaling.class);

  /** Holdout and synthetic rows per evaluation: equal, so both carry the same sampling noise. */
  static final int EVALUATION_ROWS = 50_000;

  /**
   * Columns evaluated: the first ones, every family and the shifted component among them. The
   * evaluation compares every pair and triple of columns, so at 500 columns it would take hours
   * while the fit takes minutes.
   */
  static final int EVALUATED_COLUMNS = 100;

  /** One measured point. */
  public record Point(
      int columns,
      int sampleRows,
      double fitSeconds,
      int components,
      double modelMegabytes,
      EvaluationResult evaluation) {}

  private final SparkSession spark;
  private final Path work;

  public FitScaling(SparkSession spark, Path work) {
    this.spark = spark;
    this.work = work;
  }

  /**
   * Every sample size at the first width, and every width at the middle sample size; writes
   * fit-scaling.md to {@code out} and returns its text.
   */
  public String run(List<Integer> widths, List<Integer> sizes, Path out) throws IOException {
    List<Point> points = new ArrayList<>();
    for (int size : sizes) {
      points.add(measure(widths.get(0), size));
    }

    int middle = sizes.get(sizes.size() / 2);
    for (int width : widths.subList(1, widths.size())) {
      points.add(measure(width, middle));
    }

    String report = report(points);
    Files.createDirectories(out);
    Files.writeString(out.resolve("fit-scaling.md"), report);
    return report;
  }

  Point measure(int columns, int sampleRows) throws IOException {
    Files.createDirectories(work);
    Path spec = work.resolve("wide-" + columns + ".yaml");
    Files.writeString(spec, wideSpec(columns));
    int evaluationRows = Math.min(EVALUATION_ROWS, sampleRows);
    Dataset<Row> sample =
        SpecGenerator.generate(
                spark, spec.toString(), sampleRows, GenerateOptions.defaults().withSeed(1))
            .cache();
    Dataset<Row> holdout =
        SpecGenerator.generate(
                spark, spec.toString(), evaluationRows, GenerateOptions.defaults().withSeed(2))
            .cache();
    sample.count();
    holdout.count();
    try {
      long start = System.nanoTime();
      SynthesisModel model =
          Synthesizer.fit(sample, FitOptions.builder().sampleRows(sampleRows).seed(3).build());
      double fitSeconds = (System.nanoTime() - start) / 1e9;
      Dataset<Row> synthetic =
          model.generate(spark, evaluationRows, GenerateOptions.defaults().withSeed(4));
      Column[] evaluated =
          Arrays.stream(sample.columns())
              .limit(EVALUATED_COLUMNS)
              .map(Column::new)
              .toArray(Column[]::new);
      EvaluationResult evaluation =
          Evaluation.evaluate(
              sample.select(evaluated),
              holdout.select(evaluated),
              synthetic.select(evaluated),
              EvaluationSettings.defaults());
      LOG.info(
          "Fit {} columns x {} rows in {} s; overall accuracy {} (ceiling {})",
          columns,
          sampleRows,
          fitSeconds,
          evaluation.accuracy().overall().synthetic(),
          evaluation.accuracy().overall().ceiling());
      return new Point(
          columns,
          sampleRows,
          fitSeconds,
          model.componentCount(),
          model.toJson().length() / 1e6,
          evaluation);
    } finally {
      sample.unpersist();
      holdout.unpersist();
    }
  }

  static String report(List<Point> points) {
    Runtime runtime = Runtime.getRuntime();
    StringBuilder out = new StringBuilder("# Fit time and fidelity by sample size and width\n\n");
    out.append(
        String.format(
            Locale.ROOT,
            "Machine: %d cores, %.1f GiB max heap. Generated by `synthlake-bench --fit-scaling`;"
                + " the table comes from a spec with known truth (see FitScaling). Accuracy: docs/evaluation.md; the ceiling is a"
                + " holdout of as many rows as the synthetic table (at most %,d), over the first %d columns"
                + " of wider tables.%n%n",
            runtime.availableProcessors(),
            runtime.maxMemory() / (1024.0 * 1024 * 1024),
            EVALUATION_ROWS,
            EVALUATED_COLUMNS));
    out.append(
        "| columns | sample rows | fit s | components | overall accuracy | ceiling | ratio | univariate |"
            + " bivariate | correlation similarity | model MB |\n");
    out.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
    for (Point point : points) {
      EvaluationResult.Accuracy accuracy = point.evaluation().accuracy();
      out.append(
          String.format(
              Locale.ROOT,
              "| %d | %,d | %.1f | %d | %.4f | %.4f | %.3f | %.4f | %.4f | %.4f | %.1f |%n",
              point.columns(),
              point.sampleRows(),
              point.fitSeconds(),
              point.components(),
              accuracy.overall().synthetic(),
              accuracy.overall().ceiling(),
              accuracy.overall().ratio(),
              accuracy.univariate().synthetic(),
              accuracy.bivariate().synthetic(),
              point.evaluation().correlations().similarity().synthetic(),
              point.modelMegabytes()));
    }

    return out.toString();
  }

  /**
   * A spec of {@code columns} columns with known dependence, cycling through four column families.
   */
  static String wideSpec(int columns) {
    StringBuilder yaml =
        new StringBuilder("format: synthlake-model\nformat-version: 1\ncolumns:\n");
    List<String> numeric = new ArrayList<>();
    List<String> normals = new ArrayList<>();
    for (int c = 0; c < columns; c++) {
      String name = String.format(Locale.ROOT, "c%03d", c);
      switch (c % 4) {
        case 0:
          yaml.append("  - {name: ")
              .append(name)
              .append(
                  ", type: 'decimal(12,2)', min: 0.01, max: 100000,"
                      + " distribution: {type: log-normal, mu: 3.4, sigma: 1.0}}\n");
          numeric.add(name);
          break;
        case 1:
          yaml.append("  - {name: ")
              .append(name)
              .append(", type: double, distribution: {type: normal, mean: 0, sd: 1}}\n");
          numeric.add(name);
          normals.add(name);
          break;
        case 2:
          yaml.append("  - {name: ")
              .append(name)
              .append(
                  ", type: string, distribution: {type: categories,"
                      + " weights: {A: 0.4, B: 0.25, C: 0.15, D: 0.1, E: 0.06, F: 0.04}}}\n");
          break;
        default:
          yaml.append("  - {name: ")
              .append(name)
              .append(", type: int, distribution: {type: poisson, mean: 4}}\n");
          numeric.add(name);
      }
    }

    // Neighbours correlated at 0.4: a tridiagonal matrix, positive definite at any size.
    if (numeric.size() > 1) {
      yaml.append("dependence:\n  correlations:\n");
      for (int i = 1; i < numeric.size(); i++) {
        yaml.append("    - {columns: [")
            .append(numeric.get(i - 1))
            .append(", ")
            .append(numeric.get(i))
            .append("], value: 0.4}\n");
      }
    }

    yaml.append(
        "components:\n  - {name: usual, weight: 0.7}\n  - name: shifted\n    weight: 0.3\n");
    if (!normals.isEmpty()) {
      yaml.append("    distributions:\n");
      normals.forEach(
          name ->
              yaml.append("      ").append(name).append(": {type: normal, mean: 2.5, sd: 0.6}\n"));
    }

    return yaml.toString();
  }
}
