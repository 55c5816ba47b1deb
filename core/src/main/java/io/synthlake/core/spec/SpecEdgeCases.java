package io.synthlake.core.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthlake.core.format.JsonFields;
import io.synthlake.core.generate.EdgeCases;
import io.synthlake.core.model.ColumnModel;
import io.synthlake.core.model.KeyColumn;
import java.util.List;

/**
 * A spec's top-level {@code edge-cases: {share: 0.01, columns: [...], not-null: [...]}}: the share
 * of rows that become boundary rows when the spec is generated, the columns they touch (default:
 * every column but keys) and the columns never set to null. Errors name the field.
 */
final class SpecEdgeCases {
  static final String FIELD = "edge-cases";

  private SpecEdgeCases() {}

  /** The block's edge cases, or null when the spec has none. */
  static EdgeCases read(JsonNode node, JsonFields fields, List<ColumnModel> columns) {
    if (node == null || node.isNull()) {
      return null;
    }

    if (!node.isObject()) {
      throw fields.error(FIELD, "must be a mapping such as {share: 0.01}");
    }

    fields.onlyFields(node, FIELD, "share", "columns", "not-null");
    double share = fields.number(node, FIELD, "share");
    if (!(share >= 0 && share <= 1)) {
      throw fields.error(
          FIELD + ".share", "must be a share of rows in [0, 1] such as 0.01, got " + share);
    }

    List<String> touched = names(node, fields, "columns", columns);
    List<String> notNull = names(node, fields, "not-null", columns);
    return EdgeCases.of(share).withColumns(touched).withNotNull(notNull);
  }

  private static List<String> names(
      JsonNode node, JsonFields fields, String name, List<ColumnModel> columns) {
    if (!node.has(name)) {
      return List.of();
    }

    List<String> names = fields.strings(node, FIELD, name);
    for (int i = 0; i < names.size(); i++) {
      String column = names.get(i);
      ColumnModel model =
          columns.stream().filter(c -> c.name().equals(column)).findFirst().orElse(null);
      String path = FIELD + "." + name + "[" + i + "]";
      if (model == null) {
        throw fields.error(
            path,
            "'"
                + column
                + "' is not a generated column of the spec (derived columns take no edge cases)");
      }

      if (model instanceof KeyColumn) {
        throw fields.error(path, "'" + column + "' is a key column, which edge cases leave unique");
      }
    }

    return names;
  }
}
