package io.synthlake.core.spec;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.generate.AncestorColumns;
import io.synthlake.core.model.TableSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the derived columns of one table of a table-set spec read of its ancestors: {@code
 * TABLE.COLUMN} names a column of its parent, grandparent, … ({@code customers.segment} in
 * transactions), and every row reads the value of its own ancestor row. Checked before any job; a
 * name of any other table is a one-line error naming the field. The Spark side finds the names with
 * Spark's own parser and hands them here, then carries the columns beside the table's rows ({@link
 * AncestorColumns}).
 *
 * <p>An ancestor's generated, key and foreign key columns can be read. Its derived columns cannot
 * (they are Spark expressions over the ancestor's own row), nor a column its order constraints sort
 * together with a derived one; a column sorted with generated ones only is carried with them, and
 * sorted again as the ancestor sorts it, so that it holds what the ancestor's table holds.
 *
 * @param columns the ancestors' columns to carry, parent first, each table's in its column order
 * @param orders the ancestors' order constraints over carried columns, in the order they apply
 */
public record AncestorReads(
    List<AncestorColumns.Column> columns, List<List<AncestorColumns.Column>> orders) {
  public AncestorReads {
    columns = List.copyOf(columns);
    orders = orders.stream().map(List::copyOf).toList();
  }

  /**
   * The ancestor columns that the derived columns of {@code table} read.
   *
   * @param spec the built table set
   * @param table the table whose derived columns read
   * @param names per derived column, every name its expression uses, split into its parts ({@code
   *     customers.segment} is {@code [customers, segment]}); names of the table's own columns and
   *     names that are no table's are left to Spark's analyzer
   */
  public static AncestorReads check(
      TableSetSpec spec, String table, Map<DerivedColumn, List<List<String>>> names) {
    return new Reader(spec, table).read(names);
  }

  /** The check of one table's names. */
  private static final class Reader {
    private final TableSet set;
    private final Map<String, Spec> specs;
    private final String table;
    private final Set<String> ownColumns = new LinkedHashSet<>();
    private final Map<String, String> tables = new HashMap<>();

    /** The tables up the parent chain, parent first. */
    private final List<String> chain = new ArrayList<>();

    /** Per ancestor, its columns read, with the place of the first read. */
    private final Map<String, Map<String, String>> read = new HashMap<>();

    Reader(TableSetSpec spec, String table) {
      this.set = spec.set();
      this.specs = spec.tables();
      this.table = table;
      set.table(table).columns().forEach(name -> ownColumns.add(lower(name)));
      specs.get(table).derived().forEach(column -> ownColumns.add(lower(column.name())));
      set.names().forEach(name -> tables.put(lower(name), name));
      for (String up = set.table(table).parent(); up != null; up = set.table(up).parent()) {
        chain.add(up);
      }
    }

    AncestorReads read(Map<DerivedColumn, List<List<String>>> names) {
      for (Map.Entry<DerivedColumn, List<List<String>>> column : names.entrySet()) {
        for (List<String> name : column.getValue()) {
          String named = tables.get(lower(name.get(0)));
          if (named != null && !ownColumns.contains(lower(name.get(0)))) {
            readName(named, name, column.getKey().where());
          }
        }
      }

      List<AncestorColumns.Column> columns = new ArrayList<>();
      List<List<AncestorColumns.Column>> orders = new ArrayList<>();
      for (String ancestor : chain) {
        Map<String, String> columnsRead = read.get(ancestor);
        if (columnsRead == null) {
          continue;
        }

        Set<String> carried = new LinkedHashSet<>();
        for (Map.Entry<String, String> column : columnsRead.entrySet()) {
          carried.addAll(sortedWith(ancestor, column.getKey(), column.getValue()));
        }

        for (String name : set.table(ancestor).columns()) {
          if (carried.contains(name)) {
            columns.add(new AncestorColumns.Column(ancestor, name));
          }
        }

        for (List<String> group : specs.get(ancestor).orderConstraints()) {
          if (carried.contains(group.get(0))) {
            orders.add(
                group.stream().map(name -> new AncestorColumns.Column(ancestor, name)).toList());
          }
        }
      }

      return new AncestorReads(columns, orders);
    }

    /** {@code name}, whose first part is table {@code named}, read at {@code where}. */
    private void readName(String named, List<String> name, String where) {
      boolean ancestor = chain.contains(named);
      if (name.size() == 1) {
        if (ancestor) {
          throw SynthlakeException.of(
              "%s: reads %s, a whole table; read one of its columns, as %s.%s",
              where, name.get(0), named, set.table(named).columns().get(0));
        }

        return;
      }

      String shown = name.get(0) + "." + name.get(1);
      if (named.equals(table)) {
        throw SynthlakeException.of(
            "%s: reads %s, a column of its own table; write %s without the table name",
            where, shown, name.get(1));
      }

      if (!ancestor) {
        throw SynthlakeException.of(
            "%s: reads %s, but %s is not a parent or further ancestor of %s (%s); an expression "
                + "reads its own table's columns and, as TABLE.COLUMN, those of the tables up its "
                + "parent chain%s",
            where, shown, named, table, parentChain(), furtherKeyNote(named));
      }

      String column = column(named, name.get(1), shown, where);
      read.computeIfAbsent(named, any -> new LinkedHashMap<>()).putIfAbsent(column, where);
    }

    /** The ancestor's output column named {@code asked} (without case). */
    private String column(String ancestor, String asked, String shown, String where) {
      Spec spec = specs.get(ancestor);
      for (DerivedColumn derived : spec.derived()) {
        if (derived.name().equalsIgnoreCase(asked)) {
          throw SynthlakeException.of(
              "%s: reads %s, a derived column of %s; an expression reads an ancestor's generated, "
                  + "key and foreign key columns, so compute %s here from the columns it is "
                  + "derived from (as %s.COLUMN)",
              where, shown, ancestor, derived.name(), ancestor);
        }
      }

      List<String> readable =
          set.table(ancestor).columns().stream().filter(spec.columnOrder()::contains).toList();
      if (readable.contains(asked)) {
        return asked;
      }

      for (String name : readable) {
        if (name.equalsIgnoreCase(asked)) {
          return name;
        }
      }

      throw SynthlakeException.of(
          "%s: reads %s, but %s has no column '%s'; its columns are %s",
          where,
          shown,
          ancestor,
          SynthlakeException.shown(asked),
          String.join(", ", spec.columnOrder()));
    }

    /**
     * {@code column} and the columns the ancestor's order constraints sort together with it (and
     * with those, …), which must all be carried to sort it as the ancestor does.
     */
    private Set<String> sortedWith(String ancestor, String column, String where) {
      Spec spec = specs.get(ancestor);
      Set<String> sorted = new LinkedHashSet<>(List.of(column));
      boolean grown = true;
      while (grown) {
        grown = false;
        for (List<String> group : spec.orderConstraints()) {
          if (group.stream().anyMatch(sorted::contains)) {
            grown |= sorted.addAll(group);
          }
        }
      }

      for (DerivedColumn derived : spec.derived()) {
        if (sorted.contains(derived.name())) {
          throw SynthlakeException.of(
              "%s: reads %s.%s, which the constraints of %s sort together with its derived column "
                  + "%s; "
                  + "an expression can read an ancestor's column only when every column sorted "
                  + "with it is generated, a key or a foreign key",
              where, ancestor, column, ancestor, derived.name());
        }
      }

      return sorted;
    }

    private String parentChain() {
      return chain.isEmpty()
          ? table + " has no parent"
          : "its parent chain: " + String.join(", ", chain);
    }

    /** Why a table referenced by a further foreign key is not readable either. */
    private String furtherKeyNote(String named) {
      for (TableSet.ForeignKey key : set.table(table).foreignKeys()) {
        if (!key.isParent() && key.parentTable().equals(named)) {
          return "; "
              + String.join(", ", key.columns())
              + " is a further foreign key, whose rows are picked at random, not a parent";
        }
      }

      return "";
    }

    private static String lower(String name) {
      return name.toLowerCase(Locale.ROOT);
    }
  }
}
