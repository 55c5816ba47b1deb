package io.synthlake.core.format;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.model.TableSet;

/**
 * Reads a file that {@code synthlake fit} wrote, whichever it holds: one table's model, or a set of
 * related tables. The text is parsed once; its {@code format} field says which.
 */
public final class ModelDocuments {
  private ModelDocuments() {}

  /** What a model file holds: exactly one of a table model and a table set. */
  public record Content(TableModel model, TableSet tableSet) {
    public boolean isTableSet() {
      return tableSet != null;
    }
  }

  public static Content read(String text, String source) {
    JsonNode root =
        DocumentParser.parse(
            text,
            source,
            false,
            "JSON",
            "the file may be truncated or not a model; write it again with synthlake fit");
    return TableSetJson.isTableSet(root)
        ? new Content(null, TableSetJson.fromNode(root, source))
        : new Content(ModelJson.fromNode(root, source), null);
  }
}
