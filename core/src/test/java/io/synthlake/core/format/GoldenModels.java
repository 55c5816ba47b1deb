package io.synthlake.core.format;

import io.synthlake.core.marginal.EmpiricalMarginal;
import io.synthlake.core.marginal.GaussianMixtureMarginal;
import io.synthlake.core.model.CategoricalColumn;
import io.synthlake.core.model.GaussianCopulaMixture;
import io.synthlake.core.model.KeyColumn;
import io.synthlake.core.model.NumericColumn;
import io.synthlake.core.model.NumericDistribution;
import io.synthlake.core.model.NumericFormat;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.types.ColumnKind;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model behind {@code golden/model-v1.json}, built by hand with round numbers. The golden test
 * reads the file, not this; this only documents how the file was first written (ModelJson.toJson of
 * this model, checked by eye).
 */
final class GoldenModels {
  private GoldenModels() {}

  static TableModel v1() {
    KeyColumn orderId =
        KeyColumn.sequence("order_id", DataType.of(LogicalType.LONG), 1001, 1, "", 0);
    NumericColumn amount =
        NumericColumn.of(
            "amount",
            DataType.of(LogicalType.DOUBLE),
            ColumnKind.CONTINUOUS,
            NumericFormat.of(0, 250, 0, 2),
            List.of(
                NumericDistribution.of(
                    0.05,
                    EmpiricalMarginal.of(
                        new double[] {0},
                        new double[] {0.25},
                        new double[] {1.5, 12, 40, 95.5, 250})),
                NumericDistribution.of(
                    0,
                    EmpiricalMarginal.of(
                        new double[0], new double[0], new double[] {10, 60, 120, 180, 250}))));
    CategoricalColumn segment =
        CategoricalColumn.of(
            "segment",
            DataType.of(LogicalType.STRING),
            ColumnKind.CATEGORICAL,
            List.of("retail", "business", "_RARE_"),
            List.of(new double[] {0.7, 0.25, 0.05}, new double[] {0.2, 0.75, 0.05}),
            new double[] {0, 0.1},
            null);
    CategoricalColumn active =
        CategoricalColumn.of(
            "active",
            DataType.of(LogicalType.BOOLEAN),
            ColumnKind.BOOLEAN,
            List.of("true", "false"),
            List.of(new double[] {0.6, 0.4}, new double[] {0.9, 0.1}),
            new double[] {0, 0},
            null);
    NumericColumn signup =
        NumericColumn.of(
            "signup",
            DataType.of(LogicalType.DATE),
            ColumnKind.DATE,
            NumericFormat.of(18262, 19722, 1, -1),
            List.of(
                NumericDistribution.of(
                    0,
                    GaussianMixtureMarginal.of(
                        new double[] {1}, new double[] {19000}, new double[] {300}, 18262, 19722)),
                NumericDistribution.of(
                    0.02,
                    EmpiricalMarginal.of(
                        new double[0], new double[0], new double[] {18262, 18900, 19500, 19722}))));
    double[][] first = {
      {1, 0.3, 0.1, -0.2},
      {0.3, 1, 0, 0},
      {0.1, 0, 1, 0.25},
      {-0.2, 0, 0.25, 1},
    };
    double[][] second = {
      {1, -0.5, 0, 0},
      {-0.5, 1, 0, 0},
      {0, 0, 1, 0},
      {0, 0, 0, 1},
    };
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("created-by", "synthlake 0.1.0");
    properties.put("note", "golden file for format-version 1, written by hand");
    return TableModel.of(
        List.of(orderId, amount, segment, active, signup),
        GaussianCopulaMixture.of(new double[] {0.6, 0.4}, List.of(first, second)),
        properties);
  }
}
