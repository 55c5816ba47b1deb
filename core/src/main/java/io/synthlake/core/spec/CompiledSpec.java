package io.synthlake.core.spec;

import io.synthlake.core.model.TableModel;

/**
 * A spec that has been parsed and checked, ready to give its {@link Spec} for any seed and row
 * count. Building is cheap: only values written as {@code rows / k} and Datafaker pools depend on
 * (seed, rows), and a spec that uses neither is built once and reused. Thread-safe.
 */
public final class CompiledSpec {
  private final SpecPlan plan;
  private Spec last;
  private long lastSeed;
  private long lastRows;

  CompiledSpec(SpecPlan plan) {
    this.plan = plan;
  }

  /** The spec's path or name, as error messages give it. */
  public String source() {
    return plan.source();
  }

  /**
   * Whether the spec writes a value as {@code rows / k}, so that its rows depend on the row count
   * of the generation and a run of unknown size (an unbounded stream) cannot build it.
   */
  public boolean usesRows() {
    return plan.usesRows();
  }

  /**
   * The spec for one generation.
   *
   * @param seed seeds Datafaker pools, so that a spec and a seed fix every generated value
   * @param rows the row count of this generation, for values written as {@code rows / 10} (0 when
   *     unknown: such values are then an error)
   */
  public Spec spec(long seed, long rows) {
    long seedKey = plan.usesSeed() ? seed : 0;
    long rowsKey = plan.usesRows() ? rows : 0;
    synchronized (this) {
      if (last != null && lastSeed == seedKey && lastRows == rowsKey) {
        return last;
      }
    }

    Spec built = SpecCompiler.named(plan.source(), () -> SpecBuilder.build(plan, seed, rows));
    synchronized (this) {
      last = built;
      lastSeed = seedKey;
      lastRows = rowsKey;
    }

    return built;
  }

  /** {@code spec(seed, rows).model()}: the model of the spec's generated columns. */
  public TableModel model(long seed, long rows) {
    return spec(seed, rows).model();
  }
}
