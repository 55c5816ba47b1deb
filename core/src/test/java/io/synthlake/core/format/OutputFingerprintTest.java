package io.synthlake.core.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlake.core.model.TableModel;
import io.synthlake.core.spec.SpecCompiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every value of the first 10,000 rows (two full blocks and a partial one), as a hash: the
 * generated rows are part of the output contract (row i is a function of model, seed and i), and
 * changes made for speed must leave them alone. The spec covers a mixture whose components share
 * one correlation and one marginal for most columns; the golden model covers components with
 * correlations and marginals of their own. Both are hashed with strings written as bytes and as
 * dictionary codes (Spark's path). A change here changes every user's output: make it on purpose,
 * before a release.
 */
class OutputFingerprintTest {
  private static final int ROWS = 10_000;

  private static long fingerprint(TableModel model, long seed, boolean dictionaries) {
    return RowFingerprint.of(model, seed, ROWS, dictionaries);
  }

  @Test
  void theBankingSpecGeneratesTheSameRows() throws IOException {
    TableModel model =
        SpecCompiler.read(
                Files.readString(Path.of("..", "conf", "banking.yaml")),
                "conf/banking.yaml",
                42,
                1_000_000)
            .model();
    assertThat(List.of(fingerprint(model, 42, false), fingerprint(model, 42, true)))
        .containsExactly(2678643312685396703L, 2678643312685396703L);
  }

  @Test
  void theGoldenModelGeneratesTheSameRows() {
    TableModel model = GoldenModels.v1();
    assertThat(List.of(fingerprint(model, 7, false), fingerprint(model, 7, true)))
        .containsExactly(196099761353166771L, 196099761353166771L);
  }
}
