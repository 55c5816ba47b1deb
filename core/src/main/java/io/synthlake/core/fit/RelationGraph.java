package io.synthlake.core.fit;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.fit.TableSetFitter.Input;
import io.synthlake.core.fit.TableSetFitter.Relation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The declared relations between the tables to fit, checked: every table and column exists, keys
 * and foreign keys hold the same kind of value, and no table depends on itself through them. A
 * table's first foreign key names its parent; the tables come in an order where every referenced
 * table precedes the tables that reference it.
 */
final class RelationGraph {
  private final List<Relation> relations;
  private final List<String> order;

  private RelationGraph(List<Relation> relations, List<String> order) {
    this.relations = relations;
    this.order = order;
  }

  static RelationGraph of(Map<String, Input> inputs, List<Relation> relations) {
    Map<String, List<String>> columns = new LinkedHashMap<>();
    inputs.forEach(
        (name, input) ->
            columns.put(name, input.sample().columns().stream().map(SampleColumn::name).toList()));
    List<String> order = check(columns, relations);
    for (Relation relation : relations) {
      for (int i = 0; i < relation.columns().size(); i++) {
        SampleColumn foreign =
            TableSetFitter.column(inputs.get(relation.child()).sample(), relation.columns().get(i));
        SampleColumn key =
            TableSetFitter.column(inputs.get(relation.parent()).sample(), relation.keys().get(i));
        SynthlakeException.check(
            foreign.isString() == key.isString(),
            "relation %s: '%s.%s' holds %s but '%s.%s' holds %s, so they never match: cast one "
                + "of them so that both hold the same kind of value",
            relation,
            relation.child(),
            foreign.name(),
            kind(foreign),
            relation.parent(),
            key.name(),
            kind(key));
      }
    }

    return new RelationGraph(List.copyOf(relations), order);
  }

  /**
   * Checks {@code relations} against the tables' column names: every table and column exists, no
   * table references itself, each foreign key column has one relation, no key is itself a foreign
   * key, and no cycle. Returns the tables in fitting order.
   */
  static List<String> check(Map<String, List<String>> tableColumns, List<Relation> relations) {
    Set<String> foreignColumns = new LinkedHashSet<>();
    for (Relation relation : relations) {
      relation.columns().forEach(c -> column(tableColumns, relation, relation.child(), c));
      relation.keys().forEach(k -> column(tableColumns, relation, relation.parent(), k));
      SynthlakeException.check(
          !relation.child().equals(relation.parent()),
          "relation %s: a table that references itself (a hierarchy of rows) is not supported: "
              + "leave the relation out",
          relation);
      for (String column : relation.columns()) {
        SynthlakeException.check(
            foreignColumns.add(relation.child() + "." + column),
            "relation %s: column '%s' of '%s' already references a table: give each foreign key "
                + "column one relation",
            relation,
            column,
            relation.child());
      }
    }

    for (Relation relation : relations) {
      if (relation.isComposite()) {
        checkComposite(relation, relations);
      } else {
        SynthlakeException.check(
            !foreignColumns.contains(relation.parent() + "." + relation.key()),
            "relation %s: key column '%s.%s' is itself a foreign key; a key shared by parent and "
                + "child (one-to-one) is not supported: reference the parent's own key",
            relation,
            relation.parent(),
            relation.key());
      }
    }

    return order(tableColumns.keySet(), relations);
  }

  /**
   * A composite key must be its child's parent key, and name the parent's foreign key to its own
   * parent followed by one column that numbers the parent's rows within theirs.
   */
  private static void checkComposite(Relation relation, List<Relation> relations) {
    SynthlakeException.check(
        firstOf(relation.child(), relations) == relation,
        "relation %s: a composite foreign key must be the table's first relation (its parent); "
            + "list it first, or reference a key of one column",
        relation);
    Relation above = firstOf(relation.parent(), relations);
    List<String> keys = relation.keys();
    SynthlakeException.check(
        above != null
            && keys.subList(0, keys.size() - 1).equals(above.columns())
            && !above.columns().contains(keys.get(keys.size() - 1)),
        "relation %s: a composite key is supported as the parent's own foreign key to its parent "
            + "followed by a column numbering its rows within that parent (lines.order_id,line "
            + "where lines.order_id=orders.id comes first); '%s' has %s",
        relation,
        relation.parent(),
        above == null ? "no parent" : "parent key " + String.join(",", above.columns()));
  }

  private static Relation firstOf(String table, List<Relation> relations) {
    return relations.stream().filter(r -> r.child().equals(table)).findFirst().orElse(null);
  }

  private static String kind(SampleColumn column) {
    return column.isString() ? "text" : "numbers";
  }

  private static void column(
      Map<String, List<String>> tableColumns, Relation relation, String table, String column) {
    List<String> columns = tableColumns.get(table);
    SynthlakeException.check(
        columns != null,
        "relation %s names table '%s', which is not among the tables to fit (%s): add the table, "
            + "or fix the name",
        relation,
        table,
        String.join(", ", tableColumns.keySet()));
    SynthlakeException.check(
        columns.contains(column),
        "relation %s names column '%s' of table '%s', which has no such column; its columns are %s",
        relation,
        column,
        table,
        String.join(", ", columns));
  }

  /** Referenced tables first (depth-first, in input order); a cycle is an error that names it. */
  private static List<String> order(Set<String> tables, List<Relation> relations) {
    List<String> order = new ArrayList<>();
    Map<String, Boolean> state = new LinkedHashMap<>(); // false: on the current path, true: done
    for (String table : tables) {
      visit(table, relations, state, order, new ArrayList<>());
    }

    return List.copyOf(order);
  }

  private static void visit(
      String table,
      List<Relation> relations,
      Map<String, Boolean> state,
      List<String> order,
      List<String> path) {
    Boolean seen = state.get(table);
    if (Boolean.TRUE.equals(seen)) {
      return;
    }

    path.add(table);
    if (Boolean.FALSE.equals(seen)) {
      List<String> cycle = path.subList(path.indexOf(table), path.size());
      throw SynthlakeException.of(
          "the relations form a cycle (%s): tables must form a hierarchy, so leave one of "
              + "those relations out",
          String.join(" -> ", cycle));
    }

    state.put(table, false);
    for (Relation relation : relations) {
      if (relation.child().equals(table)) {
        visit(relation.parent(), relations, state, order, path);
      }
    }

    state.put(table, true);
    path.remove(path.size() - 1);
    order.add(table);
  }

  /** Every table, each after the tables it references. */
  List<String> order() {
    return order;
  }

  /** The relations whose child is {@code table}, in declared order; the first names its parent. */
  List<Relation> foreignKeys(String table) {
    return relations.stream().filter(relation -> relation.child().equals(table)).toList();
  }

  /** The relation to {@code table}'s parent, or null for a root. */
  Relation parentRelation(String table) {
    List<Relation> keys = foreignKeys(table);
    return keys.isEmpty() ? null : keys.get(0);
  }

  /** The tables whose parent is {@code table}, in declared order. */
  List<String> children(String table) {
    List<String> children = new ArrayList<>();
    for (Relation relation : relations) {
      if (relation.parent().equals(table)
          && parentRelation(relation.child()) == relation
          && !children.contains(relation.child())) {
        children.add(relation.child());
      }
    }

    return children;
  }

  /** The keys of {@code table} (one column each, or composite) that some relation references. */
  Set<List<String>> referencedKeys(String table) {
    Set<List<String>> keys = new LinkedHashSet<>();
    for (Relation relation : relations) {
      if (relation.parent().equals(table)) {
        keys.add(relation.keys());
      }
    }

    return keys;
  }

  /** The column a composite key referencing {@code table} names as its ordinal, or null. */
  String requiredOrdinal(String table) {
    for (Relation relation : relations) {
      if (relation.parent().equals(table) && relation.isComposite()) {
        return relation.keys().get(relation.keys().size() - 1);
      }
    }

    return null;
  }
}
