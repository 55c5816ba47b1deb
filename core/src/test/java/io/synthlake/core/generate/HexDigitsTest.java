package io.synthlake.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HexDigitsTest {
  private static String digits(long bits) {
    return new String(
        ByteBuffer.allocate(8).putLong(KeyGenerator.hexDigits(bits)).array(),
        StandardCharsets.US_ASCII);
  }

  @Test
  void eightLowercaseDigitsOfTheLow32BitsMostSignificantFirst() {
    assertThat(digits(0)).isEqualTo("00000000");
    assertThat(digits(0xFFFFFFFFL)).isEqualTo("ffffffff");
    assertThat(digits(0x0123456789ABCDEFL)).isEqualTo("89abcdef");
    assertThat(digits(0x9A0F00A9L)).isEqualTo("9a0f00a9");
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < 10_000; i++) {
      long bits = random.nextLong();
      assertThat(digits(bits)).isEqualTo(String.format("%08x", bits & 0xFFFFFFFFL));
    }
  }
}
