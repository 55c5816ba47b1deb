package io.synthlake.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FakerPoolTest {
  @Test
  void aPoolIsAFunctionOfItsArgumentsAndIsDrawnOnce() {
    Map<String, Integer> first = FakerPool.draw("Address.city", "en-US", 300, 17, "columns[0]");
    Map<String, Integer> again = FakerPool.draw("Address.city", "en-US", 300, 17, "columns[0]");
    Map<String, Integer> otherSeed = FakerPool.draw("Address.city", "en-US", 300, 18, "columns[0]");

    assertThat(first.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(300);
    assertThat(again).as("kept from the first draw").isSameAs(first);
    assertThat(otherSeed).isNotEqualTo(first);
    assertThatThrownBy(() -> first.put("Springfield", 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aFailedDrawIsNotKept() {
    for (int attempt = 0; attempt < 2; attempt++) {
      assertThatThrownBy(() -> FakerPool.draw("Nope.nothing", "en-US", 10, 1, "columns[3]"))
          .hasMessageContaining("columns[3]");
    }
  }
}
