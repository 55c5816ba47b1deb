package io.synthlake.core.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How a column's name relates to a key of another table, strongest first. Names are compared as
 * lower-case words, split at anything but letters and digits and at camel-case humps ({@code
 * customerId} and {@code customer_id} are the words customer, id), and a table's name also counts
 * in the singular ({@code airports}: airport, {@code countries}: country, {@code matches}: match).
 */
public enum NameMatch {
  /** The column has the key's name: {@code teams.division} for {@code divisions.division}. */
  SAME_NAME("same name as the key"),

  /**
   * The column names the key's table: the table or its singular, alone or followed by the key's
   * name or {@code id} ({@code orders.customer_id} for {@code customers.id}, {@code
   * orders.customer} for {@code customers.code}).
   */
  TABLE_NAME("named after the table"),

  /**
   * The column's name starts or ends with the key's name ({@code matches.home_team} for {@code
   * teams.team}) or with one of the names {@link #TABLE_NAME} accepts ({@code origin_airport_id}
   * for {@code airports.iata}). A key named only {@code id}, {@code key}, {@code code}, {@code no},
   * {@code nr}, {@code num}, {@code number} or {@code uuid} counts through its table's name only,
   * since every table's key may be called that.
   */
  AFFIX("name starts or ends with the key's"),

  /** No relation between the names: only the values can tell. */
  NONE("values only");

  private static final Set<String> GENERIC_KEYS =
      Set.of("id", "key", "code", "no", "nr", "num", "number", "uuid");

  private final String description;

  NameMatch(String description) {
    this.description = description;
  }

  /** What the match means, for people: {@code same name as the key}. */
  public String description() {
    return description;
  }

  /**
   * How column {@code column} of some table relates by name to key {@code key} of {@code table}.
   */
  public static NameMatch of(String column, String table, String key) {
    List<String> columnWords = words(column);
    List<String> keyWords = words(key);
    if (columnWords.isEmpty() || keyWords.isEmpty()) {
      return NONE;
    }

    if (columnWords.equals(keyWords)) {
      return SAME_NAME;
    }

    List<List<String>> tableNames = tableNames(words(table), keyWords);
    if (tableNames.contains(columnWords)) {
      return TABLE_NAME;
    }

    List<List<String>> affixes = new ArrayList<>(tableNames);
    if (!(keyWords.size() == 1 && GENERIC_KEYS.contains(keyWords.get(0)))) {
      affixes.add(keyWords);
    }

    for (List<String> affix : affixes) {
      int size = affix.size();
      if (size < columnWords.size()
          && (columnWords.subList(0, size).equals(affix)
              || columnWords
                  .subList(columnWords.size() - size, columnWords.size())
                  .equals(affix))) {
        return AFFIX;
      }
    }

    return NONE;
  }

  /** The table's name and its singular, each alone, followed by the key's words and by id. */
  private static List<List<String>> tableNames(List<String> table, List<String> key) {
    List<List<String>> names = new ArrayList<>();
    if (table.isEmpty()) {
      return names;
    }

    List<String> singular = new ArrayList<>(table);
    singular.set(singular.size() - 1, singular(table.get(table.size() - 1)));
    for (List<String> name : List.of(table, singular)) {
      names.add(name);
      names.add(join(name, key));
      names.add(join(name, List.of("id")));
    }

    return names;
  }

  private static List<String> join(List<String> first, List<String> second) {
    List<String> joined = new ArrayList<>(first);
    joined.addAll(second);
    return joined;
  }

  /** English plurals as table names use them; a word that is no plural stays as it is. */
  static String singular(String word) {
    if (word.endsWith("ies") && word.length() > 3) {
      return word.substring(0, word.length() - 3) + "y";
    }

    for (String ending : List.of("sses", "xes", "ches", "shes")) {
      if (word.endsWith(ending)) {
        return word.substring(0, word.length() - 2);
      }
    }

    if (word.endsWith("s") && !word.endsWith("ss") && word.length() > 1) {
      return word.substring(0, word.length() - 1);
    }

    return word;
  }

  /**
   * Lower-case words: split at anything but letters and digits, and before a capital after a
   * lower-case letter or digit.
   */
  static List<String> words(String name) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        flush(word, words);
        continue;
      }

      if (Character.isUpperCase(c)
          && i > 0
          && (Character.isLowerCase(name.charAt(i - 1)) || Character.isDigit(name.charAt(i - 1)))) {
        flush(word, words);
      }

      word.append(c);
    }

    flush(word, words);
    return words;
  }

  private static void flush(StringBuilder word, List<String> words) {
    if (word.length() > 0) {
      words.add(word.toString().toLowerCase(Locale.ROOT));
      word.setLength(0);
    }
  }
}
