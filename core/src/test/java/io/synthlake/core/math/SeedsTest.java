package io.synthlake.core.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeedsTest {
  @Test
  void deriveIsAPureFunctionOfSeedBlockAndStream() {
    assertThat(Seeds.derive(7, 3, 2)).isEqualTo(Seeds.derive(7, 3, 2));
    assertThat(Seeds.random(7, 3, 2).nextLong()).isEqualTo(Seeds.random(7, 3, 2).nextLong());
  }

  @Test
  void deriveSeparatesSeedsBlocksAndStreams() {
    Set<Long> seen = new HashSet<>();
    for (long seed = 0; seed < 5; seed++) {
      for (long block = 0; block < 50; block++) {
        for (int stream = -1; stream < 10; stream++) {
          seen.add(Seeds.derive(seed, block, stream));
        }
      }
    }

    assertThat(seen).hasSize(5 * 50 * 11);
  }
}
