package io.synthlake.core.evaluate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link TableSetEvaluationResult} as versioned JSON, as {@link EvaluationJson} writes one
 * table's: kebab-case names, ratios beside the scores, null for undefined figures. Each table's
 * evaluation sits under {@code tables.NAME}, as one table's document without its format fields.
 */
public final class TableSetEvaluationJson {
  public static final String FORMAT = "synthlake-table-set-evaluation";
  public static final int FORMAT_VERSION = 1;

  private TableSetEvaluationJson() {}

  public static String toJson(TableSetEvaluationResult result) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("format", FORMAT);
    root.put("format-version", FORMAT_VERSION);
    root.setAll((ObjectNode) EvaluationJson.MAPPER.valueToTree(result));
    EvaluationJson.nullNonFinite(root);
    try {
      return EvaluationJson.WRITER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "cannot write a table set evaluation as JSON: " + e.getMessage(), e);
    }
  }
}
