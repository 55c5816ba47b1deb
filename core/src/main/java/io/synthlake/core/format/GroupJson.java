package io.synthlake.core.format;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.synthlake.core.InvalidModelException;
import io.synthlake.core.model.ColumnGroup;
import io.synthlake.core.model.ColumnModel;
import io.synthlake.core.model.TableModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code groups} field of a model file (version 2, docs/model-format.md section 6.1): columns
 * drawn as learned tuples of values. Each group lists its columns, its tuples (one array of values
 * a tuple, in column order, null for a null) and one probability per tuple in each mixture
 * component.
 */
final class GroupJson {
  static final String GROUPS = "groups";
  private static final String COLUMNS = "columns";
  private static final String TUPLES = "tuples";
  private static final String COMPONENTS = "components";
  private static final String PROBABILITIES = "probabilities";

  private GroupJson() {}

  /** Writes the groups; nothing when the model has none. */
  static void write(JsonGenerator json, TableModel model) throws IOException {
    if (model.groups().isEmpty()) {
      return;
    }

    json.writeArrayFieldStart(GROUPS);
    for (ColumnGroup group : model.groups()) {
      json.writeStartObject();
      json.writeArrayFieldStart(COLUMNS);
      for (String member : group.members()) {
        json.writeString(member);
      }

      json.writeEndArray();
      json.writeArrayFieldStart(TUPLES);
      for (int t = 0; t < group.tupleCount(); t++) {
        json.writeStartArray();
        for (int m = 0; m < group.members().size(); m++) {
          String value = group.value(m, t);
          if (value == null) {
            json.writeNull();
          } else {
            json.writeString(value);
          }
        }

        json.writeEndArray();
      }

      json.writeEndArray();
      json.writeArrayFieldStart(COMPONENTS);
      for (int k = 0; k < group.componentCount(); k++) {
        json.writeStartObject();
        double[] probabilities = group.probabilities(k);
        json.writeFieldName(PROBABILITIES);
        json.writeArray(probabilities, 0, probabilities.length);
        json.writeEndObject();
      }

      json.writeEndArray();
      json.writeEndObject();
    }

    json.writeEndArray();
  }

  /** The groups of a model object; none when the field is absent. */
  static List<ColumnGroup> read(JsonNode root, JsonFields fields) {
    if (root.get(GROUPS) == null) {
      return List.of();
    }

    JsonNode array = fields.array(root, "", GROUPS);
    List<ColumnGroup> groups = new ArrayList<>();
    for (int g = 0; g < array.size(); g++) {
      String path = GROUPS + "[" + g + "]";
      JsonNode node = array.get(g);
      fields.onlyFields(node, path, COLUMNS, TUPLES, COMPONENTS);
      List<String> members = fields.strings(node, path, COLUMNS);
      JsonNode tuples = fields.array(node, path, TUPLES);
      if (tuples.size() > ColumnGroup.MAX_TUPLES) {
        throw fields.error(
            JsonFields.join(path, TUPLES),
            "holds " + tuples.size() + " tuples; a group holds at most " + ColumnGroup.MAX_TUPLES);
      }

      List<List<String>> values = new ArrayList<>();
      for (int m = 0; m < members.size(); m++) {
        values.add(new ArrayList<>());
      }

      for (int t = 0; t < tuples.size(); t++) {
        String tuplePath = JsonFields.join(path, TUPLES) + "[" + t + "]";
        JsonNode tuple = tuples.get(t);
        if (!tuple.isArray() || tuple.size() != members.size()) {
          throw fields.error(
              tuplePath,
              "must be an array of " + members.size() + " values, one per column " + members);
        }

        for (int m = 0; m < members.size(); m++) {
          JsonNode value = tuple.get(m);
          if (!value.isNull() && !value.isTextual()) {
            throw fields.error(
                tuplePath + "[" + m + "]",
                "must be a string or null, got " + JsonFields.show(value));
          }

          values.get(m).add(value.isNull() ? null : value.asText());
        }
      }

      JsonNode components = fields.array(node, path, COMPONENTS);
      List<double[]> probabilities = new ArrayList<>();
      for (int k = 0; k < components.size(); k++) {
        String componentPath = JsonFields.join(path, COMPONENTS) + "[" + k + "]";
        fields.onlyFields(components.get(k), componentPath, PROBABILITIES);
        probabilities.add(fields.numbers(components.get(k), componentPath, PROBABILITIES));
      }

      try {
        groups.add(ColumnGroup.of(members, values, probabilities));
      } catch (InvalidModelException e) {
        throw fields.error(path, e.getMessage());
      }
    }

    return groups;
  }

  /**
   * The copula columns' names, as the dependence lists them: each non-key column, a group by its
   * name at its first member's place instead of its members.
   */
  static List<String> copulaNames(List<ColumnModel> columns, List<ColumnGroup> groups) {
    List<String> names = new ArrayList<>();
    for (ColumnModel column : columns) {
      ColumnGroup group =
          groups.stream().filter(g -> g.members().contains(column.name())).findFirst().orElse(null);
      if (group == null) {
        if (column.kind().inCopula()) {
          names.add(column.name());
        }
      } else if (!names.contains(group.name())) {
        names.add(group.name());
      }
    }

    return names;
  }
}
