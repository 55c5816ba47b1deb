package io.synthlake.core.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlake.core.generate.Generated;
import io.synthlake.core.model.Derivation;
import io.synthlake.core.model.TableModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The format-version 2 file of derived columns, {@code golden/model-v2-derived.json}: an exact sum
 * ({@code total = repair + other}) and a near-exact product ({@code weight ≈ e^-1.5 · length ·
 * width²}, within 5%). It reads, writes back byte for byte and generates the same rows. If this
 * fails, the change breaks model files or output that users already have: fix the change, never the
 * golden file.
 */
class GoldenDerivedModelTest {
  private static final String GOLDEN = "golden/model-v2-derived.json";

  private static String golden() throws IOException {
    try (InputStream in =
        GoldenDerivedModelTest.class.getClassLoader().getResourceAsStream(GOLDEN)) {
      assertThat(in).as(GOLDEN + " on the test class path").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theGoldenFileReadsWithItsRelationsAndWritesBackByteForByte() throws IOException {
    String text = golden();
    TableModel model = ModelJson.fromJson(text, GOLDEN);

    assertThat(model.derivations()).hasSize(2);
    Derivation total = model.derivations().get(0);
    assertThat(total.formula()).isEqualTo("total = repair + other");
    assertThat(model.derivations().get(1).formula())
        .isEqualTo("weight ≈ 0.2231 · length · width^2 (within 5%)");
    assertThat(ModelJson.versionFor(model)).isEqualTo(2);
    assertThat(ModelJson.toJson(model)).isEqualTo(text);
  }

  @Test
  void theGoldenModelGeneratesTheSameRowsAndKeepsItsRelations() throws IOException {
    TableModel model = ModelJson.fromJson(golden(), GOLDEN);

    Generated rows = Generated.of(model, 7, 5_000);
    // Any change to these rows changes every user's output: fix the change, not the rows.
    List<List<Object>> expected =
        List.of(
            Arrays.asList(0L, 0L, 0L, 3.03, 2.01, 2.7),
            Arrays.asList(4046L, 1666L, 5712L, 4.06, 3.03, 8.3),
            Arrays.asList(null, 0L, null, 5.58, 7.5, 71.0),
            Arrays.asList(40835L, 6511L, 47346L, 5.99, 6.82, 62.3),
            Arrays.asList(0L, 0L, 0L, 4.01, 4.22, 15.8));
    for (int row = 0; row < expected.size(); row++) {
      assertThat(rows.row(row)).as("row %d", row).isEqualTo(expected.get(row));
    }

    for (int row = 0; row < 5_000; row++) {
      if (rows.column("repair").isNull(row)) {
        assertThat(rows.column("total").isNull(row)).isTrue();
      } else if (!rows.column("total").isNull(row)) {
        assertThat(rows.column("total").longValue(row))
            .isEqualTo(rows.column("repair").longValue(row) + rows.column("other").longValue(row));
      }

      double formula =
          Math.exp(-1.5)
              * rows.column("length").doubleValue(row)
              * Math.pow(rows.column("width").doubleValue(row), 2);
      // The residual's spread is 1% and the weight is rounded to 0.1.
      assertThat(rows.column("weight").doubleValue(row))
          .isCloseTo(formula, org.assertj.core.data.Offset.offset(0.05 * formula + 0.05));
    }
  }
}
