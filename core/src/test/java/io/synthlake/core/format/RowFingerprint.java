package io.synthlake.core.format;

import io.synthlake.core.generate.Generated;
import io.synthlake.core.model.TableModel;
import java.nio.charset.StandardCharsets;

/**
 * FNV-1a over every value of the first rows a model generates: the rows users get, as one number to
 * pin.
 */
final class RowFingerprint {
  private RowFingerprint() {}

  /**
   * The hash of rows 0 to {@code rows - 1} at {@code seed}, strings written as bytes or as
   * dictionary codes.
   */
  static long of(TableModel model, long seed, int rows, boolean dictionaries) {
    Generated generated = Generated.pruned(model, seed, rows, name -> true, dictionaries);
    long hash = 0xcbf29ce484222325L;
    for (int r = 0; r < rows; r++) {
      for (Object value : generated.row(r)) {
        for (byte b : String.valueOf(value).getBytes(StandardCharsets.UTF_8)) {
          hash = (hash ^ b) * 0x100000001b3L;
        }

        hash = (hash ^ '|') * 0x100000001b3L;
      }
    }

    return hash;
  }
}
