package io.synthlake.core.fit;

import io.synthlake.core.model.TableModel;
import java.util.List;

/** A fitted model and the warnings met on the way (skipped or dropped columns), for the caller to log. */
public final class FitResult {
  private final TableModel model;
  private final List<String> warnings;

  FitResult(TableModel model, List<String> warnings) {
    this.model = model;
    this.warnings = List.copyOf(warnings);
  }

  public TableModel model() {
    return model;
  }

  public List<String> warnings() {
    return warnings;
  }
}
