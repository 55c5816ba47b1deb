package io.synthlake.spark;

import io.synthlake.core.model.ColumnGroup;
import io.synthlake.core.model.GaussianCopulaMixture;
import io.synthlake.core.model.TableModel;
import io.synthlake.core.model.TimeOfDay;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The lines {@code describe} prints for a model's column groups: each group's columns and tuples,
 * then the dependencies its tuples hold (weighted by the model's share of each tuple): a member
 * determined by one other ({@code airport -> state}), else by the group's core of columns no other
 * member determines ({@code (origin, destination) -> distance}), and a core of two or more as a
 * combination.
 */
final class GroupLines {
  /** A dependency is listed when it holds in this share of generated rows. */
  private static final double HOLDS = 0.99;

  private GroupLines() {}

  static List<String> of(TableModel model) {
    double[] weights = model.dependence().componentCount() == 1 ? new double[] {1} : weights(model);
    List<String> lines = new ArrayList<>();
    for (ColumnGroup group : model.groups()) {
      double[] shares = new double[group.tupleCount()];
      for (int k = 0; k < group.componentCount(); k++) {
        double[] p = group.probabilities(k);
        for (int t = 0; t < shares.length; t++) {
          shares[t] += weights[k] * p[t];
        }
      }

      List<String> members = group.members();
      lines.add(
          String.format(
              Locale.ROOT, "%s: %,d learned tuples", String.join(", ", members), shares.length));
      List<Integer> core = new ArrayList<>();
      List<String> links = new ArrayList<>();
      for (int b = 0; b < members.size(); b++) {
        int determinant = -1;
        double held = 0;
        for (int a = 0; a < members.size() && determinant < 0; a++) {
          held = a == b ? 0 : holds(group, shares, List.of(a), b);
          // Of two columns that determine each other, the first is the determinant.
          boolean mutual = a > b && holds(group, shares, List.of(b), a) >= HOLDS;
          if (held >= HOLDS && !mutual) {
            determinant = a;
          }
        }

        if (determinant >= 0) {
          links.add(link(members.get(determinant), members.get(b), held));
        } else {
          core.add(b);
        }
      }

      if (core.size() > 1) {
        List<String> names = core.stream().map(members::get).toList();
        lines.add("  combination (" + String.join(", ", names) + ")");
        for (int b = 0; b < members.size(); b++) {
          if (!core.contains(b)) {
            double held = holds(group, shares, core, b);
            if (held >= HOLDS && isOnlyByCore(group, shares, b)) {
              links.add(link("(" + String.join(", ", names) + ")", members.get(b), held));
            }
          }
        }
      }

      links.forEach(l -> lines.add("  " + l));
    }

    return lines;
  }

  private static String link(String determinant, String determined, double held) {
    return held >= 1 - 1e-9
        ? determinant + " -> " + determined
        : String.format(
            Locale.ROOT, "%s -> %s (%.2f%% of rows)", determinant, determined, 100 * held);
  }

  /** Whether no single member determines member {@code b}. */
  private static boolean isOnlyByCore(ColumnGroup group, double[] shares, int b) {
    for (int a = 0; a < group.members().size(); a++) {
      if (a != b && holds(group, shares, List.of(a), b) >= HOLDS) {
        return false;
      }
    }

    return true;
  }

  /** The share of generated rows whose determinant's most common b the row holds. */
  private static double holds(
      ColumnGroup group, double[] shares, List<Integer> determinant, int b) {
    Map<List<String>, Map<String, Double>> byKey = new HashMap<>();
    for (int t = 0; t < shares.length; t++) {
      List<String> key = new ArrayList<>();
      for (int a : determinant) {
        key.add(Objects.toString(group.value(a, t), "\u0000"));
      }

      byKey
          .computeIfAbsent(key, k -> new HashMap<>())
          .merge(Objects.toString(group.value(b, t), "\u0000"), shares[t], Double::sum);
    }

    double held = 0;
    double total = 0;
    for (Map<String, Double> values : byKey.values()) {
      held += values.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
      total += values.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    return total > 0 ? held / total : 0;
  }

  private static double[] weights(TableModel model) {
    return model.dependence() instanceof GaussianCopulaMixture
        ? ((GaussianCopulaMixture) model.dependence()).weights()
        : uniform(model.dependence().componentCount());
  }

  private static double[] uniform(int components) {
    double[] weights = new double[components];
    Arrays.fill(weights, 1.0 / components);
    return weights;
  }

  /** A copula column's name for people: a group's columns in parentheses. */
  static String copulaName(TableModel model, String name) {
    for (ColumnGroup group : model.groups()) {
      if (group.name().equals(name)) {
        return "(" + String.join(", ", group.members()) + ")";
      }
    }

    if (name.startsWith(TimeOfDay.NAME_PREFIX)) {
      return name.substring(TimeOfDay.NAME_PREFIX.length()) + " (time of day)";
    }

    return name;
  }
}
