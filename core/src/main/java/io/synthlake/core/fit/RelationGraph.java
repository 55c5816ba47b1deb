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
    Set<String> foreignColumns = new LinkedHashSet<>();
    for (Relation relation : relations) {
      Input child = table(inputs, relation, relation.child());
      Input parent = table(inputs, relation, relation.parent());
      SampleColumn foreign = column(child, relation, relation.column());
      SampleColumn key = column(parent, relation, relation.key());
      SynthlakeException.check(
          !relation.child().equals(relation.parent()),
          "relation %s: a table that references "
              + "itself (a hierarchy of rows) is not supported: leave the relation out",
          relation);
      SynthlakeException.check(
          foreignColumns.add(relation.child() + "." + relation.column()),
          "relation %s: column "
              + "'%s' of '%s' already references a table: give each foreign key column one relation",
          relation,
          relation.column(),
          relation.child());
      SynthlakeException.check(
          foreign.isString() == key.isString(),
          "relation %s: '%s.%s' holds %s but '%s.%s' "
              + "holds %s, so they never match: cast one of them so that both hold the same kind of value",
          relation,
          relation.child(),
          relation.column(),
          kind(foreign),
          relation.parent(),
          relation.key(),
          kind(key));
    }

    for (Relation relation : relations) {
      SynthlakeException.check(
          !foreignColumns.contains(relation.parent() + "." + relation.key()),
          "relation %s: "
              + "key column '%s.%s' is itself a foreign key; a key shared by parent and child (one-to-one) is not "
              + "supported: reference the parent's own key",
          relation,
          relation.parent(),
          relation.key());
    }

    return new RelationGraph(List.copyOf(relations), order(inputs, relations));
  }

  private static String kind(SampleColumn column) {
    return column.isString() ? "text" : "numbers";
  }

  private static Input table(Map<String, Input> inputs, Relation relation, String name) {
    Input input = inputs.get(name);
    SynthlakeException.check(
        input != null,
        "relation %s names table '%s', which is not among the tables to fit (%s): "
            + "add the table, or fix the name",
        relation,
        name,
        String.join(", ", inputs.keySet()));
    return input;
  }

  private static SampleColumn column(Input input, Relation relation, String name) {
    for (SampleColumn column : input.sample().columns()) {
      if (column.name().equals(name)) {
        return column;
      }
    }

    throw SynthlakeException.of(
        "relation %s names column '%s' of table '%s', which has no such column; its columns "
            + "are %s",
        relation,
        name,
        input.name(),
        String.join(", ", input.sample().columns().stream().map(SampleColumn::name).toList()));
  }

  /** Referenced tables first (depth-first, in input order); a cycle is an error that names it. */
  private static List<String> order(Map<String, Input> inputs, List<Relation> relations) {
    List<String> order = new ArrayList<>();
    Map<String, Boolean> state = new LinkedHashMap<>(); // false: on the current path, true: done
    for (String table : inputs.keySet()) {
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

  /** The key columns of {@code table} that some relation references. */
  Set<String> referencedKeys(String table) {
    Set<String> keys = new LinkedHashSet<>();
    for (Relation relation : relations) {
      if (relation.parent().equals(table)) {
        keys.add(relation.key());
      }
    }

    return keys;
  }
}
