package io.synthlake.spark.cli;

import io.synthlake.core.SynthlakeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --name value} options (repeatable ones collect every value) and {@code --flag}s of one
 * command. Public only for the benchmark's launcher in the bench module
 * (io.synthlake.bench.spark.BenchMain), which parses its options the same way; not part of
 * synthlake's API.
 */
public final class Arguments {
  private final String command;

  /**
   * What prints the options, for the error messages: "synthlake help" or "synthlake-bench help".
   */
  private final String help;

  private final Map<String, List<String>> values = new LinkedHashMap<>();

  private Arguments(String command, String help) {
    this.command = command;
    this.help = help;
  }

  public static Arguments parse(
      String command, String[] args, int from, Set<String> options, Set<String> flags) {
    return parse(command, "synthlake help", args, from, options, flags);
  }

  /**
   * @param help the command that lists the options, named in the errors
   */
  public static Arguments parse(
      String command,
      String help,
      String[] args,
      int from,
      Set<String> options,
      Set<String> flags) {
    Arguments parsed = new Arguments(command, help);
    for (int i = from; i < args.length; i++) {
      String arg = args[i];
      SynthlakeException.check(
          arg.startsWith("--"),
          "%s: unexpected argument '%s'; options start with --",
          command,
          arg);
      String name = arg.substring(2);
      String value = null;
      int equals = name.indexOf('=');
      if (equals > 0) {
        value = name.substring(equals + 1);
        name = name.substring(0, equals);
      }

      if (flags.contains(name)) {
        parsed.values.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
        continue;
      }

      SynthlakeException.check(
          options.contains(name),
          "%s: unknown option --%s; run %s for the options",
          command,
          name,
          help);
      if (value == null) {
        SynthlakeException.check(
            i + 1 < args.length, "%s: option --%s needs a value", command, name);
        value = args[++i];
      }

      parsed.values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }

    return parsed;
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  public String get(String name) {
    List<String> all = values.get(name);
    return all == null ? null : all.get(all.size() - 1);
  }

  String required(String name) {
    String value = get(name);
    SynthlakeException.check(
        value != null, "%s: missing --%s; run %s for the options", command, name, help);
    return value;
  }

  List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }

  long positiveLong(String name, long fallback) {
    String value = get(name);
    if (value == null) {
      return fallback;
    }

    long parsed = wholeNumber(name, value);
    SynthlakeException.check(
        parsed > 0, "%s: --%s must be a positive whole number, got %s", command, name, value);
    return parsed;
  }

  long wholeNumber(String name, String value) {
    try {
      return Long.parseLong(value.trim().replace("_", ""));
    } catch (NumberFormatException e) {
      throw SynthlakeException.of(
          "%s: --%s must be a whole number, got '%s'", command, name, value);
    }
  }

  public int positiveInt(String name, int fallback) {
    long value = positiveLong(name, fallback);
    SynthlakeException.check(
        value <= Integer.MAX_VALUE, "%s: --%s is too large: %d", command, name, value);
    return (int) value;
  }

  /** A whole number from 0 up, or {@code fallback} when the option is absent. */
  public int wholeInt(String name, int fallback) {
    String value = get(name);
    if (value == null) {
      return fallback;
    }

    long parsed = wholeNumber(name, value);
    SynthlakeException.check(
        parsed >= 0 && parsed <= Integer.MAX_VALUE,
        "%s: --%s must be a whole number from 0 to %d, got %s",
        command,
        name,
        Integer.MAX_VALUE,
        value);
    return (int) parsed;
  }

  /** A comma-separated list of positive whole numbers, each at most {@code max}. */
  public List<Long> positiveList(String name, String fallback, long max) {
    List<Long> values = new ArrayList<>();
    for (String value : (has(name) ? get(name) : fallback).split(",")) {
      long parsed = wholeNumber(name, value);
      SynthlakeException.check(
          parsed > 0 && parsed <= max,
          "%s: --%s takes positive whole numbers, got %s",
          command,
          name,
          value);
      values.add(parsed);
    }

    return values;
  }

  /** A share strictly between 0 and 1. */
  double share(String name) {
    String value = required(name);
    double parsed;
    try {
      parsed = Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      throw SynthlakeException.of(
          "%s: --%s must be a number between 0 and 1, got '%s'", command, name, value);
    }

    SynthlakeException.check(
        parsed > 0 && parsed < 1,
        "%s: --%s must be between 0 and 1 (exclusive), got %s",
        command,
        name,
        value);
    return parsed;
  }

  /** Splits {@code column=value} pairs, naming the option in errors. */
  Map<String, String> pairs(String name) {
    Map<String, String> pairs = new LinkedHashMap<>();
    for (String entry : all(name)) {
      int equals = entry.lastIndexOf('=');
      SynthlakeException.check(
          equals > 0 && equals < entry.length() - 1,
          "%s: --%s takes column=value, got '%s'",
          command,
          name,
          entry);
      pairs.put(entry.substring(0, equals), entry.substring(equals + 1));
    }

    return pairs;
  }
}
