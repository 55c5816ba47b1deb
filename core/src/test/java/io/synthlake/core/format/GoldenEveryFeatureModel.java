package io.synthlake.core.format;

import io.synthlake.core.marginal.EmpiricalMarginal;
import io.synthlake.core.marginal.GaussianMixtureMarginal;
import io.synthlake.core.marginal.HistogramMarginal;
import io.synthlake.core.marginal.Marginal;
import io.synthlake.core.marginal.ParametricMarginal;
import io.synthlake.core.model.CategoricalColumn;
import io.synthlake.core.model.ColumnModel;
import io.synthlake.core.model.GaussianCopulaMixture;
import io.synthlake.core.model.KeyColumn;
import io.synthlake.core.model.NumericColumn;
import io.synthlake.core.model.NumericDistribution;
import io.synthlake.core.model.NumericFormat;
import io.synthlake.core.model.RebalancedMixture;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.model.TextComposer;
import io.synthlake.core.types.ColumnKind;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model behind {@code golden/model-v1-every-feature.json}, built by hand with round numbers so
 * that the file holds every feature format-version 1 has: every storage type and kind, every
 * marginal family and parametric distribution (with no, a lower, an upper and both truncation
 * bounds), every key style, text columns with and without a vocabulary, categories of every
 * non-string type, null shares (an all-null component included), two mixture components with
 * correlations and marginals of their own, and a rebalanced boolean column. The golden test reads
 * the file, not this; this documents how the file was first written (ModelJson.toJson of this
 * model), and the test checks that it still writes the same bytes.
 */
final class GoldenEveryFeatureModel {
  /**
   * Epoch microseconds of 2024-01-01T00:00:00Z (and of the same wall-clock time for timestamp-ntz).
   */
  static final double JAN_2024_MICROS = 1_704_067_200_000_000.0;

  private static final double HOUR_MICROS = 3_600_000_000.0;

  private GoldenEveryFeatureModel() {}

  static TableModel build() {
    List<ColumnModel> columns = new ArrayList<>();
    columns.add(KeyColumn.sequence("id", DataType.of(LogicalType.LONG), 1000, 1, "", 0));
    columns.add(
        numeric(
            "amount",
            DataType.of(LogicalType.DOUBLE),
            ColumnKind.CONTINUOUS,
            NumericFormat.of(0, 5000, 0, 2),
            NumericDistribution.of(
                0.02,
                EmpiricalMarginal.of(
                    new double[] {0, 9.99},
                    new double[] {0.1, 0.05},
                    new double[] {1.5, 20, 75.25, 310, 4999.5})),
            NumericDistribution.of(
                0,
                EmpiricalMarginal.of(
                    new double[0], new double[0], new double[] {5, 50, 500, 5000}))));
    columns.add(KeyColumn.sequence("ref", DataType.of(LogicalType.STRING), 5000, 5, "ORD-", 8));
    columns.add(
        numeric(
            "score",
            DataType.of(LogicalType.FLOAT),
            ColumnKind.CONTINUOUS,
            NumericFormat.of(-10, 10, 0, 3),
            NumericDistribution.of(
                0,
                GaussianMixtureMarginal.of(
                    new double[] {0.3, 0.7},
                    new double[] {-2, 1.5},
                    new double[] {0.5, 1.25},
                    -10,
                    10)),
            NumericDistribution.of(
                0.1,
                parametric(
                    ParametricMarginal.Family.NORMAL,
                    Double.NEGATIVE_INFINITY,
                    Double.POSITIVE_INFINITY,
                    "mean",
                    0.0,
                    "sd",
                    2.0))));
    columns.add(
        numeric(
            "price",
            DataType.decimal(10, 2),
            ColumnKind.CONTINUOUS,
            NumericFormat.of(0.01, 99999.99, 0, 2),
            NumericDistribution.of(
                0,
                parametric(
                    ParametricMarginal.Family.LOG_NORMAL, 1, 5000, "mu", 3.0, "sigma", 0.75)),
            NumericDistribution.of(
                0,
                parametric(
                    ParametricMarginal.Family.UNIFORM,
                    Double.NEGATIVE_INFINITY,
                    Double.POSITIVE_INFINITY,
                    "min",
                    10.0,
                    "max",
                    20.0))));
    columns.add(
        numeric(
            "big",
            DataType.decimal(20, 4),
            ColumnKind.CONTINUOUS,
            NumericFormat.of(-1000000, 1000000, 0, 4),
            NumericDistribution.of(
                0,
                parametric(
                    ParametricMarginal.Family.NORMAL,
                    1000,
                    Double.POSITIVE_INFINITY,
                    "mean",
                    1234.5678,
                    "sd",
                    100.0)),
            NumericDistribution.of(
                0.05,
                GaussianMixtureMarginal.of(
                    new double[] {1}, new double[] {-250.125}, new double[] {40}, -400, 0))));
    columns.add(
        numeric(
            "qty",
            DataType.of(LogicalType.INT),
            ColumnKind.INTEGER,
            NumericFormat.of(0, 1000, 1, -1),
            NumericDistribution.of(
                0,
                parametric(
                    ParametricMarginal.Family.POISSON, 1, Double.POSITIVE_INFINITY, "mean", 3.5)),
            NumericDistribution.of(
                0,
                parametric(
                    ParametricMarginal.Family.ZIPF,
                    Double.NEGATIVE_INFINITY,
                    100,
                    "n",
                    1000.0,
                    "exponent",
                    1.1))));
    columns.add(
        numeric(
            "level",
            DataType.of(LogicalType.BYTE),
            ColumnKind.INTEGER,
            NumericFormat.of(-5, 100, 1, -1),
            NumericDistribution.of(
                0,
                parametric(
                    ParametricMarginal.Family.CONSTANT,
                    Double.NEGATIVE_INFINITY,
                    Double.POSITIVE_INFINITY,
                    "value",
                    7.0)),
            NumericDistribution.of(
                0,
                EmpiricalMarginal.of(
                    new double[] {1, 2, 3}, new double[] {0.5, 0.3, 0.2}, new double[0]))));
    columns.add(
        numeric(
            "rank",
            DataType.of(LogicalType.SHORT),
            ColumnKind.INTEGER,
            NumericFormat.of(1, 30000, 1, -1),
            NumericDistribution.of(
                0,
                HistogramMarginal.of(
                    new double[] {0.5, 10.5, 100.5, 1000.5}, new double[] {5, 0, 1}, "rank")),
            NumericDistribution.of(
                0,
                parametric(
                    ParametricMarginal.Family.ZIPF, 2, 500, "n", 20000.0, "exponent", 0.8))));
    columns.add(
        numeric(
            "wait_ms",
            DataType.of(LogicalType.LONG),
            ColumnKind.INTEGER,
            NumericFormat.of(0, 10000000, 1, -1),
            NumericDistribution.of(
                0, parametric(ParametricMarginal.Family.EXPONENTIAL, 10, 1000000, "rate", 0.001)),
            NumericDistribution.of(
                0.05,
                parametric(
                    ParametricMarginal.Family.EXPONENTIAL,
                    Double.NEGATIVE_INFINITY,
                    Double.POSITIVE_INFINITY,
                    "rate",
                    0.01))));
    // A step that is not a whole number, on a double column of kind integer.
    columns.add(
        numeric(
            "half",
            DataType.of(LogicalType.DOUBLE),
            ColumnKind.INTEGER,
            NumericFormat.of(0.5, 9.5, 0.5, -1),
            NumericDistribution.of(
                0,
                parametric(
                    ParametricMarginal.Family.UNIFORM, 0.25, 9.75, "min", 0.25, "max", 9.75)),
            NumericDistribution.of(
                0,
                EmpiricalMarginal.of(new double[0], new double[0], new double[] {0.5, 3, 9.5}))));
    columns.add(KeyColumn.code("code", DataType.of(LogicalType.STRING), "C-", "9AaXx9"));
    // 2023-01-01 to 2024-12-31 as epoch days; a time-range-style histogram, one bin per day shifted
    // by half a step.
    columns.add(
        numeric(
            "day",
            DataType.of(LogicalType.DATE),
            ColumnKind.DATE,
            NumericFormat.of(19358, 20088, 1, -1),
            NumericDistribution.of(
                0,
                HistogramMarginal.of(
                    new double[] {19357.5, 19358.5, 19359.5, 19360.5},
                    new double[] {1, 2, 1},
                    "day")),
            NumericDistribution.of(
                0,
                GaussianMixtureMarginal.of(
                    new double[] {1}, new double[] {19700}, new double[] {90}, 19358, 20088))));
    // 2024, at whole seconds; one bin per hour shifted by half a step, as a spec time-range is
    // stored.
    double halfSecond = 500_000;
    columns.add(
        numeric(
            "at",
            DataType.of(LogicalType.TIMESTAMP),
            ColumnKind.TIMESTAMP,
            NumericFormat.of(JAN_2024_MICROS, 1_735_689_599_000_000.0, 1_000_000, -1),
            NumericDistribution.of(
                0,
                HistogramMarginal.of(
                    new double[] {
                      JAN_2024_MICROS - halfSecond,
                      JAN_2024_MICROS + HOUR_MICROS - halfSecond,
                      JAN_2024_MICROS + 2 * HOUR_MICROS - halfSecond,
                      JAN_2024_MICROS + 3 * HOUR_MICROS - halfSecond
                    },
                    new double[] {1, 3, 2},
                    "at")),
            NumericDistribution.of(
                0,
                EmpiricalMarginal.of(
                    new double[] {1_717_200_000_000_000.0},
                    new double[] {0.2},
                    new double[] {
                      JAN_2024_MICROS, 1_719_792_000_000_000.0, 1_735_689_599_000_000.0
                    }))));
    columns.add(KeyColumn.uuid("uuid", DataType.of(LogicalType.STRING)));
    // The second component is all null, so its marginal is left out.
    columns.add(
        numeric(
            "local_at",
            DataType.of(LogicalType.TIMESTAMP_NTZ),
            ColumnKind.TIMESTAMP,
            NumericFormat.of(JAN_2024_MICROS, JAN_2024_MICROS + 24 * HOUR_MICROS, 60_000_000, -1),
            NumericDistribution.of(
                0.25,
                parametric(
                    ParametricMarginal.Family.UNIFORM,
                    Double.NEGATIVE_INFINITY,
                    Double.POSITIVE_INFINITY,
                    "min",
                    JAN_2024_MICROS,
                    "max",
                    JAN_2024_MICROS + 24 * HOUR_MICROS)),
            NumericDistribution.of(1, null)));
    columns.add(
        categorical(
            "segment",
            DataType.of(LogicalType.STRING),
            ColumnKind.CATEGORICAL,
            List.of("retail", "business", "_RARE_"),
            new double[] {0, 0.1},
            new double[] {0.7, 0.25, 0.05},
            new double[] {0.2, 0.75, 0.05}));
    columns.add(
        categorical(
            "is_fraud",
            DataType.of(LogicalType.BOOLEAN),
            ColumnKind.BOOLEAN,
            List.of("false", "true"),
            new double[] {0, 0.02},
            new double[] {0.99, 0.01},
            new double[] {0.8, 0.2}));
    // Categories of every non-string type; the second component of tier is all null (probabilities
    // not checked).
    columns.add(
        categorical(
            "tier",
            DataType.of(LogicalType.INT),
            ColumnKind.CATEGORICAL,
            List.of("3", "1", "2"),
            new double[] {0, 1},
            new double[] {0.2, 0.5, 0.3},
            new double[] {0.5, 0.25, 0.25}));
    columns.add(
        categorical(
            "opened",
            DataType.of(LogicalType.DATE),
            ColumnKind.CATEGORICAL,
            List.of("2024-01-01", "2024-07-01"),
            new double[] {0, 0},
            new double[] {0.6, 0.4},
            new double[] {0.1, 0.9}));
    columns.add(
        categorical(
            "cutoff",
            DataType.of(LogicalType.TIMESTAMP),
            ColumnKind.CATEGORICAL,
            List.of("2024-03-01T00:00:00Z", "2024-03-01T12:30:15.250Z"),
            new double[] {0, 0},
            new double[] {0.5, 0.5},
            new double[] {0.25, 0.75}));
    columns.add(
        categorical(
            "slot",
            DataType.of(LogicalType.TIMESTAMP_NTZ),
            ColumnKind.CATEGORICAL,
            List.of("2024-03-01T09:30", "2024-03-01T17:45:30"),
            new double[] {0, 0},
            new double[] {0.4, 0.6},
            new double[] {0.9, 0.1}));
    columns.add(
        categorical(
            "rate",
            DataType.decimal(5, 2),
            ColumnKind.CATEGORICAL,
            List.of("0.50", "12.30"),
            new double[] {0, 0.5},
            new double[] {0.3, 0.7},
            new double[] {0.6, 0.4}));
    columns.add(
        categorical(
            "factor",
            DataType.of(LogicalType.DOUBLE),
            ColumnKind.CATEGORICAL,
            List.of("3.5", "1.0E-4"),
            new double[] {0, 0},
            new double[] {0.5, 0.5},
            new double[] {0.8, 0.2}));
    columns.add(
        CategoricalColumn.of(
            "note",
            DataType.of(LogicalType.STRING),
            ColumnKind.TEXT,
            List.of("ok", "late delivery", "(composed text)"),
            List.of(new double[] {0.5, 0.2, 0.3}, new double[] {0.1, 0.1, 0.8}),
            new double[] {0.05, 0},
            TextComposer.of(
                List.of("box", "damaged", "late", "missing", "refund"),
                new double[] {12, 7, 7, 5, 3},
                new double[] {0.5, 0.3, 0.2})));
    columns.add(KeyColumn.random("rnd", DataType.of(LogicalType.LONG)));
    // A text column with no vocabulary: every word is random letters; every value has two words.
    columns.add(
        CategoricalColumn.of(
            "tag",
            DataType.of(LogicalType.STRING),
            ColumnKind.TEXT,
            List.of("(composed text)"),
            List.of(new double[] {1}, new double[] {1}),
            new double[] {0, 0.5},
            TextComposer.of(List.of(), new double[0], new double[] {0, 1})));
    columns.add(KeyColumn.sequence("countdown", DataType.of(LogicalType.INT), 1000000, -3, "", 0));
    columns.add(KeyColumn.sequence("dec_key", DataType.decimal(18, 0), 100000000000L, 7, "", 0));

    List<String> copula = new ArrayList<>();
    for (ColumnModel column : columns) {
      if (column.kind().inCopula()) {
        copula.add(column.name());
      }
    }

    double[][] first =
        correlation(
            copula,
            new Object[][] {
              {"amount", "is_fraud", 0.4},
              {"amount", "price", 0.3},
              {"score", "big", -0.35},
              {"qty", "rank", 0.25},
              {"day", "at", 0.5},
              {"segment", "note", 0.2},
              {"is_fraud", "wait_ms", -0.3},
              {"tier", "rate", 0.15},
            });
    double[][] second =
        correlation(
            copula,
            new Object[][] {
              {"amount", "is_fraud", 0.1},
              {"score", "qty", 0.45},
              {"local_at", "slot", -0.2},
              {"half", "factor", 0.3},
              {"level", "opened", 0.5},
              {"cutoff", "tag", -0.25},
              {"segment", "is_fraud", -0.4},
            });
    GaussianCopulaMixture mixture =
        GaussianCopulaMixture.of(new double[] {0.55, 0.45}, List.of(first, second));
    CategoricalColumn fraud =
        (CategoricalColumn)
            columns.stream().filter(c -> c.name().equals("is_fraud")).findFirst().orElseThrow();
    RebalancedMixture rebalanced =
        RebalancedMixture.of(mixture, fraud, copula.indexOf("is_fraud"), new double[] {0.7, 0.3});

    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("created-by", "synthlake 0.1.0");
    properties.put("note", "golden file for format-version 1 with every feature, written by hand");
    return TableModel.of(columns, rebalanced, properties);
  }

  private static NumericColumn numeric(
      String name,
      DataType type,
      ColumnKind kind,
      NumericFormat format,
      NumericDistribution first,
      NumericDistribution second) {
    return NumericColumn.of(name, type, kind, format, List.of(first, second));
  }

  private static CategoricalColumn categorical(
      String name,
      DataType type,
      ColumnKind kind,
      List<String> categories,
      double[] nullShares,
      double[] first,
      double[] second) {
    return CategoricalColumn.of(
        name, type, kind, categories, List.of(first, second), nullShares, null);
  }

  /** {@code parameters} alternates names and values, in the distribution's parameter order. */
  private static Marginal parametric(
      ParametricMarginal.Family family, double lower, double upper, Object... parameters) {
    Map<String, Double> values = new LinkedHashMap<>();
    for (int i = 0; i < parameters.length; i += 2) {
      values.put((String) parameters[i], (Double) parameters[i + 1]);
    }

    return ParametricMarginal.of(family, values, lower, upper, "parameters");
  }

  /** The identity with the given symmetric entries {name, name, value}. */
  private static double[][] correlation(List<String> columns, Object[][] entries) {
    double[][] matrix = new double[columns.size()][columns.size()];
    for (int i = 0; i < matrix.length; i++) {
      matrix[i][i] = 1;
    }

    for (Object[] entry : entries) {
      int a = columns.indexOf((String) entry[0]);
      int b = columns.indexOf((String) entry[1]);
      if (a < 0 || b < 0) {
        throw new IllegalArgumentException(
            "no copula column in " + java.util.Arrays.toString(entry));
      }

      matrix[a][b] = (Double) entry[2];
      matrix[b][a] = (Double) entry[2];
    }

    return matrix;
  }
}
