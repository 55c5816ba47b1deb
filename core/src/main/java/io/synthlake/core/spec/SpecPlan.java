package io.synthlake.core.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthlake.core.format.JsonFields;
import io.synthlake.core.model.ColumnModel;
import io.synthlake.core.types.DataType;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the check step leaves for the build step: everything about a spec that holds for any seed
 * and row count, and the distributions still to build. The nodes are never handed out of this
 * package, so the tree is not changed after it.
 *
 * @param weights the mixture components' weights
 * @param overrides per component, the distributions it overrides by column name
 * @param overridePaths per component, the field path of an override when it is not {@code
 *     components[k].distributions.NAME} (a table-set column's {@code distributions} by category)
 * @param slots the model's columns in order
 * @param groupOf the given-chain or combination of each member column
 * @param names every output column's name
 * @param order output columns in order
 * @param usesRows whether a value may be written as {@code rows / k}, so the build depends on the
 *     row count
 * @param usesSeed whether the spec draws Datafaker pools, so the build depends on the seed
 */
record SpecPlan(
    String source,
    JsonFields fields,
    JsonNode root,
    JsonNode dependence,
    boolean fittedDependence,
    double[] weights,
    List<Map<String, JsonNode>> overrides,
    List<Map<String, String>> overridePaths,
    List<Slot> slots,
    Map<String, CategoryGroup> groupOf,
    Set<String> names,
    List<DerivedColumn> derived,
    List<String> order,
    Map<String, String> properties,
    boolean usesRows,
    boolean usesSeed) {

  /** The field path of component {@code k}'s override of column {@code name}. */
  String overridePath(int k, String name) {
    String path = k < overridePaths.size() ? overridePaths.get(k).get(name) : null;
    return path != null ? path : "components[" + k + "].distributions." + name;
  }

  /**
   * A column of the model: a group's hidden column, a column already built (key or fitted), or one
   * to build.
   */
  sealed interface Slot permits Hidden, Built, ToBuild {}

  record Hidden(CategoryGroup group) implements Slot {}

  record Built(ColumnModel column) implements Slot {}

  /**
   * A spec column ({@code distribution}), whose values may depend on the seed and the row count.
   */
  record ToBuild(String path, JsonNode node, String name, DataType type) implements Slot {}
}
