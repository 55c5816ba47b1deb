package io.synthlake.core.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlake.core.generate.Generated;
import io.synthlake.core.marginal.EmpiricalMarginal;
import io.synthlake.core.marginal.GaussianMixtureMarginal;
import io.synthlake.core.model.CategoricalColumn;
import io.synthlake.core.model.ColumnModel;
import io.synthlake.core.model.GaussianCopulaMixture;
import io.synthlake.core.model.KeyColumn;
import io.synthlake.core.model.NumericColumn;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.types.ColumnKind;
import io.synthlake.core.types.DataType;
import io.synthlake.core.types.LogicalType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The released format-version 1 file still reads, means the same, writes back byte for byte and
 * generates the same rows. If this fails, the change breaks model files or output that users
 * already have: bump the format version or fix the change, never the golden file.
 */
class GoldenModelTest {
  private static final String GOLDEN = "golden/model-v1.json";

  private static String golden() throws IOException {
    try (InputStream in = GoldenModelTest.class.getClassLoader().getResourceAsStream(GOLDEN)) {
      assertThat(in).as(GOLDEN + " on the test class path").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theGoldenFileReadsWithTheValuesItHolds() throws IOException {
    TableModel model = ModelJson.fromJson(golden(), GOLDEN);

    assertThat(model.columns().stream().map(ColumnModel::name).collect(Collectors.toList()))
        .containsExactly("order_id", "amount", "segment", "active", "signup");
    assertThat(model.columns().stream().map(ColumnModel::kind).collect(Collectors.toList()))
        .containsExactly(
            ColumnKind.KEY,
            ColumnKind.CONTINUOUS,
            ColumnKind.CATEGORICAL,
            ColumnKind.BOOLEAN,
            ColumnKind.DATE);
    assertThat(model.properties())
        .containsEntry("note", "golden file for format-version 1, written by hand");

    KeyColumn orderId = (KeyColumn) model.column("order_id");
    assertThat(orderId.type()).isEqualTo(DataType.of(LogicalType.LONG));
    assertThat(orderId.start()).isEqualTo(1001);

    NumericColumn amount = (NumericColumn) model.column("amount");
    assertThat(amount.format().decimals()).isEqualTo(2);
    assertThat(amount.components().get(0).nullShare()).isEqualTo(0.05);
    EmpiricalMarginal first = (EmpiricalMarginal) amount.components().get(0).marginal();
    assertThat(first.massValues()).containsExactly(0.0);
    assertThat(first.massShares()).containsExactly(0.25);
    assertThat(first.knots()[3]).isEqualTo(95.5);

    CategoricalColumn segment = (CategoricalColumn) model.column("segment");
    assertThat(segment.categories()).containsExactly("retail", "business", "_RARE_");
    assertThat(segment.probabilities(1)[1]).isEqualTo(0.75);
    assertThat(segment.nullShare(1)).isEqualTo(0.1);

    GaussianMixtureMarginal signup =
        (GaussianMixtureMarginal)
            ((NumericColumn) model.column("signup")).components().get(0).marginal();
    assertThat(signup.means()).containsExactly(19000.0);

    GaussianCopulaMixture dependence = (GaussianCopulaMixture) model.dependence();
    assertThat(dependence.weights()).containsExactly(0.6, 0.4);
    assertThat(dependence.correlation(0)[2][3]).isEqualTo(0.25);
    assertThat(dependence.correlation(1)[1][0]).isEqualTo(-0.5);
  }

  @Test
  void theGoldenFileWritesBackByteForByte() throws IOException {
    String text = golden();

    assertThat(ModelJson.toJson(ModelJson.fromJson(text, GOLDEN))).isEqualTo(text);
    // The hand-built model it was first written from still writes the same file.
    assertThat(ModelJson.toJson(GoldenModels.v1())).isEqualTo(text);
  }

  @Test
  void theGoldenModelGeneratesTheSameRowsAsWhenItWasReleased() throws IOException {
    TableModel model = ModelJson.fromJson(golden(), GOLDEN);

    Generated rows = Generated.of(model, 7, 10);
    // Regenerated on purpose twice, before any release (0.1.0): when columns with no correlation
    // began drawing their
    // uniforms directly, and when every copula column and the mixture components got a random
    // stream of their own
    // per block (column-major generation). Any other change to these rows changes every user's
    // output: bump the version.

    List<List<Object>> expected =
        List.of(
            Arrays.asList(1001L, 0.0, "retail", false, 18441L),
            Arrays.asList(1002L, 121.08, "business", true, 18595L),
            Arrays.asList(1003L, 13.75, "business", false, 19233L),
            Arrays.asList(1004L, 243.16, "business", true, 19482L),
            Arrays.asList(1005L, 0.0, "retail", true, 18742L),
            Arrays.asList(1006L, 9.49, "retail", false, 19067L),
            Arrays.asList(1007L, 145.39, "business", true, 18907L),
            Arrays.asList(1008L, 22.49, "retail", true, 18771L),
            Arrays.asList(1009L, 120.27, "business", true, 19687L),
            Arrays.asList(1010L, 119.81, "business", true, 19515L));
    for (int row = 0; row < expected.size(); row++) {
      assertThat(rows.row(row)).as("row %d", row).isEqualTo(expected.get(row));
    }
  }
}
