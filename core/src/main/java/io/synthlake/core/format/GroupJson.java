package io.synthlake.core.format;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.synthlake.core.InvalidModelException;
import io.synthlake.core.model.ColumnGroup;
import io.synthlake.core.model.ColumnModel;
import io.synthlake.core.model.NumericColumn;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.model.TimeOfDay;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code groups} field of a model file (version 2, docs/model-format.md section 5, "Column
 * groups"): columns drawn as learned tuples of values. Each group lists its columns, its tuples
 * (one array of values a tuple, in column order, null for a null) and per mixture component either
 * the weights of the tuples it holds ({@code tuples}, as indexes and runs of them, and {@code
 * weights}: a fitted group, whose components each hold a few of thousands of tuples) or one
 * probability per tuple.
 */
final class GroupJson {
  static final String GROUPS = "groups";
  private static final String COLUMNS = "columns";
  private static final String TUPLES = "tuples";
  private static final String COMPONENTS = "components";
  private static final String PROBABILITIES = "probabilities";
  private static final String WEIGHTS = "weights";

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
        if (group.hasWeights()) {
          writeWeights(json, group.weights(k));
        } else {
          double[] probabilities = group.probabilities(k);
          json.writeFieldName(PROBABILITIES);
          json.writeArray(probabilities, 0, probabilities.length);
        }

        json.writeEndObject();
      }

      json.writeEndArray();
      json.writeEndObject();
    }

    json.writeEndArray();
  }

  /**
   * A component's weights as the tuples of non-zero weight and their weights, whole numbers written
   * without a fraction: a fitted group's weights are row counts, and a component holds few of the
   * tuples, mostly in runs of neighbours in copula order, so a run of three or more is written as
   * {@code [first, last]}.
   */
  private static void writeWeights(JsonGenerator json, double[] weights) throws IOException {
    json.writeArrayFieldStart(TUPLES);
    for (int t = 0; t < weights.length; t++) {
      if (weights[t] == 0) {
        continue;
      }

      int last = t;
      while (last + 1 < weights.length && weights[last + 1] != 0) {
        last++;
      }

      if (last - t >= 2) {
        json.writeStartArray();
        json.writeNumber(t);
        json.writeNumber(last);
        json.writeEndArray();
        t = last;
      } else {
        json.writeNumber(t);
      }
    }

    json.writeEndArray();
    json.writeArrayFieldStart(WEIGHTS);
    for (double weight : weights) {
      if (weight == 0) {
        continue;
      }

      if (weight == Math.rint(weight) && Math.abs(weight) < 1e15) {
        json.writeNumber((long) weight);
      } else {
        json.writeNumber(weight);
      }
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
      List<double[]> weights = new ArrayList<>();
      for (int k = 0; k < components.size(); k++) {
        String componentPath = JsonFields.join(path, COMPONENTS) + "[" + k + "]";
        JsonNode component = components.get(k);
        if (component.isObject() && component.has(WEIGHTS)) {
          fields.onlyFields(component, componentPath, TUPLES, WEIGHTS);
          weights.add(weights(component, componentPath, tuples.size(), fields));
        } else {
          fields.onlyFields(component, componentPath, PROBABILITIES);
          probabilities.add(fields.numbers(component, componentPath, PROBABILITIES));
        }
      }

      if (!weights.isEmpty() && !probabilities.isEmpty()) {
        throw fields.error(
            JsonFields.join(path, COMPONENTS),
            "mixes components of probabilities with components of weights; give every component"
                + " the same form");
      }

      try {
        groups.add(
            weights.isEmpty()
                ? ColumnGroup.of(members, values, probabilities)
                : ColumnGroup.ofWeights(members, values, weights));
      } catch (InvalidModelException e) {
        throw fields.error(path, e.getMessage());
      }
    }

    return groups;
  }

  /**
   * A component's dense weights from its {@code tuples} (ascending tuple indexes) and their {@code
   * weights}; the tuples it does not list weigh 0.
   */
  private static double[] weights(JsonNode component, String path, int tuples, JsonFields fields) {
    JsonNode entries = fields.array(component, path, TUPLES);
    double[] values = fields.numbers(component, path, WEIGHTS);
    double[] dense = new double[tuples];
    int previous = -1;
    int listed = 0;
    for (int i = 0; i < entries.size(); i++) {
      String entryPath = JsonFields.join(path, TUPLES) + "[" + i + "]";
      JsonNode entry = entries.get(i);
      boolean run = entry.isArray() && entry.size() == 2;
      int first = index(run ? entry.get(0) : entry, previous, tuples, entryPath, fields);
      int last = run ? index(entry.get(1), first, tuples, entryPath, fields) : first;
      for (int t = first; t <= last; t++) {
        if (listed >= values.length) {
          throw fields.error(path, "lists more tuples than its " + values.length + " weights");
        }

        dense[t] = values[listed++];
      }

      previous = last;
    }

    if (listed != values.length) {
      throw fields.error(
          path,
          "lists "
              + listed
              + " tuples and "
              + values.length
              + " weights; give one weight per listed tuple");
    }

    return dense;
  }

  /** A tuple index above {@code previous}, below {@code tuples}. */
  private static int index(
      JsonNode index, int previous, int tuples, String path, JsonFields fields) {
    if (index == null
        || !index.isIntegralNumber()
        || !index.canConvertToInt()
        || index.asInt() <= previous
        || index.asInt() >= tuples) {
      throw fields.error(
          path,
          "must be a tuple index or a run [first, last] of them, above "
              + previous
              + " and below the group's "
              + tuples
              + " tuples (indexes ascend), got "
              + (index == null ? "nothing" : JsonFields.show(index)));
    }

    return index.asInt();
  }

  /**
   * The copula columns' names, as the dependence lists them: each non-key column, a group by its
   * name at its first member's place instead of its members, a time of day right after its column.
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

        if (column instanceof NumericColumn && ((NumericColumn) column).timeOfDay() != null) {
          names.add(TimeOfDay.copulaName(column.name()));
        }
      } else if (!names.contains(group.name())) {
        names.add(group.name());
      }
    }

    return names;
  }
}
