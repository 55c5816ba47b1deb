package io.synthlake.core.fit;

import io.synthlake.core.model.ColumnGroup;
import io.synthlake.core.model.ColumnModel;
import io.synthlake.core.types.ColumnKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The groups a fit draws as learned tuples ({@link GroupDetector} finds them, {@link GroupPlan}
 * fits each): what the fitter asks about a column, and the fitted groups for the model.
 */
final class ColumnGroups {
  static final ColumnGroups NONE = new ColumnGroups(List.of());

  private final List<GroupPlan> plans;

  private ColumnGroups(List<GroupPlan> plans) {
    this.plans = plans;
  }

  /**
   * The groups among {@code columns}; the columns in {@code excluded} (derived from others) take no
   * part.
   */
  static ColumnGroups find(
      List<SampleColumn> columns,
      List<ColumnKind> kinds,
      FitSettings settings,
      Set<String> excluded) {
    List<ColumnKind> candidates = new ArrayList<>(kinds);
    for (int i = 0; i < columns.size(); i++) {
      if (excluded.contains(columns.get(i).name())) {
        candidates.set(i, ColumnKind.KEY);
      }
    }

    List<GroupPlan> plans = new ArrayList<>();
    for (int[] group : GroupDetector.detect(columns, candidates, settings.rareCount())) {
      List<SampleColumn> members = new ArrayList<>();
      List<ColumnKind> memberKinds = new ArrayList<>();
      for (int i : group) {
        members.add(columns.get(i));
        memberKinds.add(kinds.get(i));
      }

      plans.add(new GroupPlan(members, memberKinds, settings));
    }

    return new ColumnGroups(plans);
  }

  /** The group of column {@code name}, or null. */
  GroupPlan of(String name) {
    for (GroupPlan plan : plans) {
      if (plan.members().contains(name)) {
        return plan;
      }
    }

    return null;
  }

  /** Whether column {@code name} is a group member other than the first, which takes no plan. */
  boolean isLaterMember(String name) {
    GroupPlan plan = of(name);
    return plan != null && !plan.members().get(0).equals(name);
  }

  /** A member's own model after the group's build, or null for a column of no group. */
  ColumnModel member(String name) {
    GroupPlan plan = of(name);
    return plan == null ? null : plan.member(name);
  }

  /** The fitted groups, after each plan's build. */
  List<ColumnGroup> fitted() {
    return plans.stream().map(GroupPlan::group).toList();
  }
}
