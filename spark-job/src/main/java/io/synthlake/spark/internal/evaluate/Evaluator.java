package io.synthlake.spark.internal.evaluate;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.evaluate.ClosestRecords;
import io.synthlake.core.evaluate.ColumnBinning;
import io.synthlake.core.evaluate.EvaluationResult;
import io.synthlake.core.evaluate.EvaluationSettings;
import io.synthlake.core.evaluate.Fidelity;
import io.synthlake.core.evaluate.ProfilePlan;
import io.synthlake.core.evaluate.TableProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Evaluates a synthetic table against the training table it was fitted on and a holdout table of
 * real rows the model never saw: fidelity (binned accuracy, correlations, per-column statistics,
 * functional dependencies), ML utility and privacy, each figure beside the holdout's, which is what
 * real unseen data achieves. docs/evaluation.md defines every figure.
 *
 * <p>Every step is a Spark job whose memory is bounded by the plan or a stated sample size, never
 * by the synthetic table's size: one profile pass per table (no shuffle), a per-partition top-n for
 * each sample, and a left-semi join against broadcast training row hashes.
 *
 * <p>Internal: callers use {@link io.synthlake.spark.Evaluation}.
 */
public final class Evaluator {
  /**
   * A table with at most this many rows and {@link #LOCAL_CELLS} values is collected to the driver
   * once and counted there (some 10 MB of values per 100,000 rows of 14 columns).
   */
  static final long LOCAL_ROWS = 200_000;

  static final long LOCAL_CELLS = 4_000_000;

  private Evaluator() {}

  /**
   * One table's evaluation, with the plan whose bins it used and the compared columns in the plan's
   * order.
   */
  record Evaluated(EvaluationResult result, ProfilePlan plan, List<ColumnRole> roles) {
    /**
     * A table of a set whose columns are all keys (an entity table derived from a history's ids,
     * say): it has no figures of its own, and its relations pair none of its columns.
     */
    static Evaluated keysOnly() {
      return new Evaluated(null, null, List.of());
    }

    /** The binnings of the compared columns; none for a table of keys only. */
    List<ColumnBinning> columns() {
      return plan == null ? List.of() : plan.columns();
    }
  }

  public static EvaluationResult evaluate(
      Dataset<Row> train,
      Dataset<Row> holdout,
      Dataset<Row> synthetic,
      EvaluationSettings settings) {
    return evaluate(train, holdout, synthetic, settings, Set.of()).result();
  }

  /**
   * @param setAside columns to set aside as keys whatever their values (foreign keys and the keys
   *     they reference, in a set of tables)
   */
  static Evaluated evaluate(
      Dataset<Row> train,
      Dataset<Row> holdout,
      Dataset<Row> synthetic,
      EvaluationSettings settings,
      Set<String> setAside) {
    long start = System.nanoTime();
    long rawTrainRows = train.count();
    boolean smallTrain =
        rawTrainRows <= LOCAL_ROWS && rawTrainRows * train.columns().length <= LOCAL_CELLS;
    List<ColumnRole> all = ColumnRole.decide(train, smallTrain ? train.collectAsList() : null);
    List<ColumnRole> roles =
        all.stream()
            .filter(role -> !role.key() && !setAside.contains(role.name()))
            .collect(Collectors.toList());
    List<String> keys =
        all.stream()
            .filter(role -> role.key() || setAside.contains(role.name()))
            .map(ColumnRole::name)
            .toList();
    if (roles.isEmpty() && !setAside.isEmpty()) {
      return Evaluated.keysOnly();
    }

    SynthlakeException.check(
        !roles.isEmpty(),
        "evaluate: every column of the training table looks like a key (nearly all values distinct), so nothing can be"
            + " compared; evaluate tables with some non-key columns");
    ColumnRole.checkCompatible(roles, holdout, "holdout");
    ColumnRole.checkCompatible(roles, synthetic, "synthetic");
    Dataset<Row> trainView = project(train, roles);
    Dataset<Row> holdoutView = project(holdout, roles);
    Dataset<Row> syntheticView = project(synthetic, roles);

    long trainRows = rawTrainRows;
    long holdoutRows = holdoutView.count();
    long syntheticRows = syntheticView.count();
    SynthlakeException.check(
        trainRows > 0 && holdoutRows > 0 && syntheticRows > 0,
        "evaluate: the %s table is empty; evaluation compares rows of the training, holdout and synthetic tables",
        trainRows == 0 ? "training" : holdoutRows == 0 ? "holdout" : "synthetic");
    // Small tables are collected once and counted on the driver, where dozens of small Spark jobs
    // would spend most of their time planning; a large one (a synthetic table of 100 million rows)
    // stays distributed, and every figure is the same either way.
    PrivacyJob.Tables views =
        new PrivacyJob.Tables(
            trainView,
            trainRows,
            Profiler.collectIfSmall(trainView, trainRows, LOCAL_ROWS, LOCAL_CELLS),
            holdoutView,
            holdoutRows,
            Profiler.collectIfSmall(holdoutView, holdoutRows, LOCAL_ROWS, LOCAL_CELLS),
            syntheticView,
            syntheticRows,
            Profiler.collectIfSmall(syntheticView, syntheticRows, LOCAL_ROWS, LOCAL_CELLS));
    PlanFitter.Fitted fitted =
        PlanFitter.fit(trainView, views.trainLocal(), roles, trainRows, settings);
    ProfilePlan plan = fitted.plan();
    Broadcast<ProfilePlan> shared = views.allLocal() ? null : Profiler.broadcast(train, plan);
    TableProfile trainProfile = profile(trainView, views.trainLocal(), plan, shared);
    TableProfile holdoutProfile = profile(holdoutView, views.holdoutLocal(), plan, shared);
    TableProfile syntheticProfile = profile(syntheticView, views.syntheticLocal(), plan, shared);
    if (shared != null) {
      shared.destroy();
    }

    Fidelity fidelity = Fidelity.of(trainProfile, holdoutProfile, syntheticProfile);

    ClosestRecords closest =
        PrivacyJob.closestRecords(
            views,
            fitted.distance(),
            roles.size(),
            settings.referenceRows(),
            settings.dcrSyntheticRows(),
            settings.seed());
    long[] copyCounts =
        views.allLocal()
            ? PrivacyJob.exactCopies(
                views.trainLocal(), List.of(views.syntheticLocal(), views.holdoutLocal()))
            : PrivacyJob.exactCopies(trainView, List.of(syntheticView, holdoutView));
    long copies = copyCounts[0];
    long holdoutCopies = copyCounts[1];
    List<String> names = roles.stream().map(ColumnRole::name).toList();
    long rareChecked = fitted.rareCounts().stream().mapToLong(map -> map.size()).sum();
    EvaluationResult.Privacy privacy =
        new EvaluationResult.Privacy(
            closest.share(),
            closest.rows(),
            Math.min(settings.referenceRows(), Math.min(trainRows, holdoutRows)),
            closest.medianToTrain(),
            closest.medianToHoldout(),
            share(copies, syntheticRows),
            copies,
            share(holdoutCopies, holdoutRows),
            settings.rareThreshold(),
            rareChecked,
            PrivacyJob.leaked(syntheticProfile, names, fitted.rareCounts()));

    EvaluationResult.MlUtility utility =
        settings.target() == null
            ? null
            : MlUtilityJob.measure(
                trainView,
                trainRows,
                holdoutView,
                holdoutRows,
                syntheticView,
                syntheticRows,
                plan.columns(),
                settings.target(),
                settings);
    EvaluationResult.Tables tables =
        new EvaluationResult.Tables(
            trainRows, holdoutRows, syntheticRows, (System.nanoTime() - start) / 1e9, keys);
    EvaluationResult result =
        new EvaluationResult(
            tables,
            fidelity.accuracy(),
            fidelity.columns(),
            fidelity.pairs(),
            fidelity.correlations(),
            utility,
            privacy,
            fidelity.dependencies(),
            fidelity.combinations(),
            fidelity.relations(),
            fidelity.timeOfDay());
    return new Evaluated(result, plan, roles);
  }

  private static TableProfile profile(
      Dataset<Row> view, List<Object[]> local, ProfilePlan plan, Broadcast<ProfilePlan> shared) {
    return local != null ? Profiler.profile(local, plan) : Profiler.profile(view, shared);
  }

  private static double share(long part, long whole) {
    return whole == 0 ? Double.NaN : (double) part / whole;
  }

  private static Dataset<Row> project(Dataset<Row> table, List<ColumnRole> roles) {
    List<Column> columns = new ArrayList<>();
    roles.forEach(role -> columns.add(role.projection()));
    return table.select(columns.toArray(new Column[0]));
  }
}
