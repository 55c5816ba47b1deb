package io.synthlake.core.fit;

import io.synthlake.core.SynthlakeException;
import java.util.Locale;

/** Which marginal a numeric column gets. */
public enum MarginalFamily {
  /**
   * Compressed empirical quantiles with point masses: the default, and the more accurate on real
   * tables.
   */
  EMPIRICAL,
  /**
   * A 1-D Gaussian mixture with the number of modes chosen by BIC (CTGAN's mode-specific
   * normalization).
   */
  GAUSSIAN_MIXTURE;

  public String jsonName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static MarginalFamily parse(String text, String where) {
    for (MarginalFamily family : values()) {
      if (family.jsonName().equalsIgnoreCase(text.trim())) {
        return family;
      }
    }

    throw SynthlakeException.of(
        "%s: unknown marginal '%s'; use empirical or gaussian-mixture", where, text);
  }
}
