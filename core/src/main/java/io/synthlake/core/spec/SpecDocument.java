package io.synthlake.core.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthlake.core.format.DocumentParser;
import io.synthlake.core.format.JsonFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parse step: a spec's text as a tree (YAML or JSON, within {@link DocumentParser}'s limits),
 * with its column entries and their field paths ({@code columns[3]}), which every later error
 * names.
 */
final class SpecDocument {
  /** One entry of {@code columns}, with its path. */
  record Entry(int index, String path, JsonNode node) {}

  private final String source;
  private final JsonFields fields;
  private final JsonNode root;
  private final List<Map<String, String>> overridePaths;
  private final Set<String> setColumns;

  private SpecDocument(
      String source,
      JsonFields fields,
      JsonNode root,
      List<Map<String, String>> overridePaths,
      Set<String> setColumns) {
    this.source = source;
    this.fields = fields;
    this.root = root;
    this.overridePaths = overridePaths;
    this.setColumns = setColumns;
  }

  /** YAML if the name ends in .yaml or .yml or the text does not start with '{'; JSON otherwise. */
  static SpecDocument parse(String text, String source) {
    boolean yaml =
        source.endsWith(".yaml") || source.endsWith(".yml") || !text.stripLeading().startsWith("{");
    return new SpecDocument(
        source,
        new JsonFields(source),
        DocumentParser.parse(text, source, yaml, "YAML or JSON", "fix the syntax"),
        List.of(),
        Set.of());
  }

  /**
   * One table of a table-set spec, rewritten as a single-table spec ({@link TableSetChecker}):
   * errors name paths under {@code base} ({@code tables[2]}), and {@code overridePaths} gives, per
   * component, the path of each override that the rewrite moved out of a column.
   */
  static SpecDocument ofTable(
      String source, String base, JsonNode root, List<Map<String, String>> overridePaths) {
    return ofTable(source, base, root, overridePaths, Set.of());
  }

  /**
   * Like {@link #ofTable(String, String, JsonNode, List)}, where the entries named in {@code
   * setColumns} are written by the table set rather than by the table's model (a sequence's order
   * and running balances, checked by {@link SpecSequence}): they keep their place among the output
   * columns and nothing else.
   */
  static SpecDocument ofTable(
      String source,
      String base,
      JsonNode root,
      List<Map<String, String>> overridePaths,
      Set<String> setColumns) {
    return new SpecDocument(
        source,
        new JsonFields(source).nested(base),
        root,
        List.copyOf(overridePaths),
        Set.copyOf(setColumns));
  }

  /** The output columns the table set writes, not the table's model. */
  Set<String> setColumns() {
    return setColumns;
  }

  String source() {
    return source;
  }

  List<Map<String, String>> overridePaths() {
    return overridePaths;
  }

  JsonFields fields() {
    return fields;
  }

  /**
   * The document's top-level mapping; an empty document or one that is not a mapping is an error.
   */
  JsonNode root() {
    if (root == null || !root.isObject()) {
      throw fields.error("(document)", "must be a mapping with a 'columns' list");
    }

    return root;
  }

  /** The {@code columns} list, at least one entry, each with its path. */
  List<Entry> columns() {
    JsonNode columns = fields.array(root(), "", "columns");
    if (columns.size() == 0) {
      throw fields.error("columns", "must list at least one column");
    }

    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      entries.add(new Entry(i, "columns[" + i + "]", columns.get(i)));
    }

    return entries;
  }

  /** The {@code columns} array itself, for the given-chain and combination discovery. */
  JsonNode columnsNode() {
    return root().get("columns");
  }
}
