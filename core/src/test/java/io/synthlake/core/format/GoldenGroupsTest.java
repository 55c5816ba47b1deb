package io.synthlake.core.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlake.core.generate.Generated;
import io.synthlake.core.marginal.EmpiricalMarginal;
import io.synthlake.core.model.CategoricalColumn;
import io.synthlake.core.model.ColumnGroup;
import io.synthlake.core.model.GaussianCopulaMixture;
import io.synthlake.core.model.NumericColumn;
import io.synthlake.core.model.NumericDistribution;
import io.synthlake.core.model.NumericFormat;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.types.ColumnKind;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The format-version 2 file with a column group (routes with their distance) reads, means the same,
 * writes back byte for byte and generates the same rows. If this fails, the change breaks model
 * files or output that users already have: bump the format version or fix the change, never the
 * golden file.
 */
class GoldenGroupsTest {
  private static final String GOLDEN = "golden/model-v2-groups.json";

  private static String golden() throws IOException {
    try (InputStream in = GoldenGroupsTest.class.getClassLoader().getResourceAsStream(GOLDEN)) {
      assertThat(in).as(GOLDEN + " on the test class path").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * The model the file was first written from (ModelJson.toJson of it), built by hand with round
   * numbers: origin, destination and distance drawn as one of four routes, and a fare correlated
   * with the route's place in the copula.
   */
  static TableModel model() {
    DataType string = DataType.of(LogicalType.STRING);
    CategoricalColumn origin =
        CategoricalColumn.of(
            "origin",
            string,
            ColumnKind.CATEGORICAL,
            List.of("ATL", "ORD", "SEA"),
            List.of(new double[] {0.6, 0.3, 0.1}, new double[] {0.4, 0.2, 0.4}),
            new double[] {0, 0},
            null);
    CategoricalColumn destination =
        CategoricalColumn.of(
            "destination",
            string,
            ColumnKind.CATEGORICAL,
            List.of("ORD", "ATL", "SEA"),
            List.of(new double[] {4 / 9.0, 3 / 9.0, 2 / 9.0}, new double[] {1 / 6.0, 2 / 6.0, 0.5}),
            new double[] {0.1, 0.4},
            null);
    NumericColumn distance =
        NumericColumn.of(
            "distance",
            DataType.of(LogicalType.INT),
            ColumnKind.INTEGER,
            NumericFormat.of(606, 2182, 1, 0),
            List.of(
                NumericDistribution.of(
                    0.1,
                    EmpiricalMarginal.of(
                        new double[] {606, 2182},
                        new double[] {7 / 9.0, 2 / 9.0},
                        new double[] {606, 2182})),
                NumericDistribution.of(
                    0.4,
                    EmpiricalMarginal.of(
                        new double[] {606, 2182},
                        new double[] {0.5, 0.5},
                        new double[] {606, 2182}))));
    NumericColumn fare =
        NumericColumn.of(
            "fare",
            DataType.of(LogicalType.DOUBLE),
            ColumnKind.CONTINUOUS,
            NumericFormat.of(50, 900, 0, 2),
            List.of(
                NumericDistribution.of(
                    0,
                    EmpiricalMarginal.of(
                        new double[0], new double[0], new double[] {50, 200, 600})),
                NumericDistribution.of(
                    0,
                    EmpiricalMarginal.of(
                        new double[0], new double[0], new double[] {80, 400, 900}))));
    ColumnGroup routes =
        ColumnGroup.of(
            List.of("origin", "destination", "distance"),
            List.of(
                List.of("ATL", "ORD", "ATL", "SEA"),
                Arrays.asList("ORD", "ATL", "SEA", null),
                Arrays.asList("606", "606", "2182", null)),
            List.of(new double[] {0.4, 0.3, 0.2, 0.1}, new double[] {0.1, 0.2, 0.3, 0.4}));
    GaussianCopulaMixture dependence =
        GaussianCopulaMixture.of(
            new double[] {0.6, 0.4},
            List.of(new double[][] {{1, 0.5}, {0.5, 1}}, new double[][] {{1, -0.3}, {-0.3, 1}}));
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("note", "golden file for format-version 2 groups, written by hand");
    return TableModel.of(
        List.of(origin, destination, distance, fare), dependence, properties, List.of(routes));
  }

  @Test
  void theGoldenFileReadsWithTheValuesItHolds() throws IOException {
    TableModel model = ModelJson.fromJson(golden(), GOLDEN);

    assertThat(golden()).contains("\"format-version\" : 2");
    assertThat(model.groups()).hasSize(1);
    ColumnGroup routes = model.groups().get(0);
    assertThat(routes.members()).containsExactly("origin", "destination", "distance");
    assertThat(routes.tupleCount()).isEqualTo(4);
    assertThat(routes.value(1, 3)).isNull();
    assertThat(routes.value(2, 2)).isEqualTo("2182");
    assertThat(routes.probabilities(1)).containsExactly(0.1, 0.2, 0.3, 0.4);
    assertThat(model.copulaNames()).containsExactly("synthlake:group:origin", "fare");
    assertThat(((GaussianCopulaMixture) model.dependence()).correlation(1)[0][1]).isEqualTo(-0.3);
  }

  @Test
  void theGoldenFileWritesBackByteForByte() throws IOException {
    String text = golden();

    assertThat(ModelJson.toJson(ModelJson.fromJson(text, GOLDEN))).isEqualTo(text);
    assertThat(ModelJson.toJson(model())).isEqualTo(text);
  }

  @Test
  void theGoldenModelGeneratesTheSameRowsAsWhenItWasWritten() throws IOException {
    Generated rows = Generated.of(ModelJson.fromJson(golden(), GOLDEN), 7, 8);

    List<List<Object>> expected =
        List.of(
            Arrays.asList("ATL", "ORD", 606L, 133.76),
            Arrays.asList("ATL", "SEA", 2182L, 510.12),
            Arrays.asList("ATL", "ORD", 606L, 487.52),
            Arrays.asList("SEA", null, null, 548.99),
            Arrays.asList("ATL", "ORD", 606L, 246.8),
            Arrays.asList("ORD", "ATL", 606L, 199.75),
            Arrays.asList("SEA", null, null, 289.45),
            Arrays.asList("ORD", "ATL", 606L, 122.88));

    for (int row = 0; row < expected.size(); row++) {
      assertThat(rows.row(row)).as("row %d", row).isEqualTo(expected.get(row));
    }
  }
}
