package io.synthlake.core.fit;

import io.synthlake.core.model.TableModel;
import java.util.List;

/**
 * A fitted model and the warnings met on the way (skipped or dropped columns), for the caller to
 * log.
 */
public record FitResult(TableModel model, List<String> warnings) {
  public FitResult {
    warnings = List.copyOf(warnings);
  }
}
