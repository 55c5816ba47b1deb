package io.synthlake.core.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthlake.core.format.JsonFields;
import java.util.Iterator;
import java.util.List;

/**
 * A categorical column of a table-set spec that other tables are {@code given}: its table and every
 * table between it and the tables that read it get one mixture component per category, so that a
 * row's category travels down to its children as their component.
 *
 * @param table the table that holds the column
 * @param column the column, a {@code categories} spec column
 * @param categories its values with a positive weight, in the order written
 * @param shares their weights, summing to 1
 * @param where the field path of the first {@code given} that named it, for messages
 */
record Split(String table, String column, List<String> categories, double[] shares, String where) {
  Split {
    categories = List.copyOf(categories);
    shares = shares.clone();
  }

  /**
   * Checks a mapping from this column's values to laws ({@code distributions}, at {@code where}): a
   * mapping, keyed by values of positive weight only; {@code what} and {@code law} name and show
   * what a value maps to.
   */
  void checkKeys(JsonNode byValue, String where, JsonFields fields, String what, String law) {
    if (!byValue.isObject()) {
      throw fields.error(
          where,
          "must map each value of "
              + qualified()
              + " to "
              + what
              + ", like {"
              + categories.get(0)
              + ": "
              + law
              + "}");
    }

    for (Iterator<String> names = byValue.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!categories.contains(name)) {
        throw fields.error(
            JsonFields.join(where, name),
            "is not a value of "
                + qualified()
                + " (with a positive weight); its values are "
                + String.join(", ", categories));
      }
    }
  }

  /** {@code table.column}, as specs write it. */
  String qualified() {
    return table + "." + column;
  }
}
