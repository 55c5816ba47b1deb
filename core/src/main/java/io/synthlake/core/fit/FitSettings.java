package io.synthlake.core.fit;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.types.ColumnKind;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How a model is fitted. Immutable; build with {@link #builder()}. The defaults are listed in
 * docs/cli.md.
 */
public final class FitSettings {
  private final long seed;
  private final int maxKnots;
  private final double pointMassShare;
  private final int rareCount;
  private final String rareToken;
  private final int minComponentRows;
  private final int maxComponents;
  private final int maxModes;
  private final boolean splitsByCategory;
  private final MarginalFamily defaultMarginal;
  private final Map<String, ColumnKind> kinds;
  private final Map<String, MarginalFamily> marginals;
  private final DegeneratePolicy degenerate;
  private final OrderPolicy orderPolicy;
  private final boolean derivesColumns;
  private final boolean detectsGroups;
  private final boolean splitsTimeOfDay;
  private final String timeZone;

  private FitSettings(Builder builder) {
    this.seed = builder.seed;
    this.maxKnots = builder.maxKnots;
    this.pointMassShare = builder.pointMassShare;
    this.rareCount = builder.rareCount;
    this.rareToken = builder.rareToken;
    this.minComponentRows = builder.minComponentRows;
    this.maxComponents = builder.maxComponents;
    this.maxModes = builder.maxModes;
    this.splitsByCategory = builder.splitsByCategory;
    this.defaultMarginal = builder.defaultMarginal;
    this.kinds = Collections.unmodifiableMap(new LinkedHashMap<>(builder.kinds));
    this.marginals = Collections.unmodifiableMap(new LinkedHashMap<>(builder.marginals));
    this.degenerate = builder.degenerate;
    this.orderPolicy = builder.orderPolicy;
    this.derivesColumns = builder.derivesColumns;
    this.detectsGroups = builder.detectsGroups;
    this.splitsTimeOfDay = builder.splitsTimeOfDay;
    this.timeZone = builder.timeZone;
  }

  public static Builder builder() {
    return new Builder();
  }

  public static FitSettings defaults() {
    return builder().build();
  }

  public long seed() {
    return seed;
  }

  /**
   * Knots of an empirical marginal's quantile function (per component, fewer for small components).
   */
  public int maxKnots() {
    return maxKnots;
  }

  /** A value holding at least this share of a column's rows becomes a point mass. */
  public double pointMassShare() {
    return pointMassShare;
  }

  /**
   * Categories seen in fewer rows than this are never emitted as themselves (k of k-anonymity for
   * categories).
   */
  public int rareCount() {
    return rareCount;
  }

  /**
   * The token rare string categories become, or empty (the default) when a categorical column's
   * rare rows are drawn as its frequent categories instead, in proportion to their shares in the
   * same mixture component.
   */
  public Optional<String> rareToken() {
    return Optional.ofNullable(rareToken);
  }

  /** The smallest mixture component: smaller clusters are merged into their nearest neighbours. */
  public int minComponentRows() {
    return minComponentRows;
  }

  public int maxComponents() {
    return maxComponents;
  }

  /** Most modes a Gaussian-mixture marginal may have. */
  public int maxModes() {
    return maxModes;
  }

  /**
   * Whether a small table's components are chosen by category values where they tell the rows apart
   * ({@link CategorySplits}) rather than by the clusterer; off unless set, so that a caller's own
   * clusterer keeps its labels (the Spark fit turns it on).
   */
  public boolean splitsByCategory() {
    return splitsByCategory;
  }

  public MarginalFamily marginal(String column) {
    return marginals.getOrDefault(column, defaultMarginal);
  }

  public Map<String, ColumnKind> kinds() {
    return kinds;
  }

  public Map<String, MarginalFamily> marginals() {
    return marginals;
  }

  public DegeneratePolicy degenerate() {
    return degenerate;
  }

  /** What a sequence's fit does with null and tied order values. */
  public OrderPolicy orderPolicy() {
    return orderPolicy;
  }

  /**
   * Whether the fit looks for columns that others compute (sums, differences, products) and keeps
   * them as derived columns; on unless turned off.
   */
  public boolean derivesColumns() {
    return derivesColumns;
  }

  /**
   * Whether the fit draws determined columns (an airport's state) and sparse combinations (routes)
   * as learned tuples of values; on unless turned off.
   */
  public boolean detectsGroups() {
    return detectsGroups;
  }

  /**
   * Whether the fit models the time of day of a timestamp column apart from its date (so that
   * flights leave at the hours they leave); on unless turned off.
   */
  public boolean splitsTimeOfDay() {
    return splitsTimeOfDay;
  }

  /** The time-zone id whose wall clock a timestamp's time of day is read on; UTC unless set. */
  public String timeZone() {
    return timeZone;
  }

  /** These settings reading times of day on the wall clock of {@code zone}. */
  public FitSettings withTimeZone(String zone) {
    Builder builder = toBuilder();
    builder.timeZone = zone;
    return builder.build();
  }

  /**
   * These settings for a table of {@code columns} only: kinds and marginals named for other columns
   * (of other tables of a set) left out.
   */
  public FitSettings forColumns(Set<String> columns) {
    Builder builder = toBuilder();
    builder.kinds.keySet().retainAll(columns);
    builder.marginals.keySet().retainAll(columns);
    return builder.build();
  }

  /** These settings with {@code kinds} overriding the detected kinds of those columns too. */
  public FitSettings withKinds(Map<String, ColumnKind> kinds) {
    Builder builder = toBuilder();
    builder.kinds.putAll(kinds);
    return builder.build();
  }

  private Builder toBuilder() {
    Builder builder = new Builder();
    builder.seed = seed;
    builder.maxKnots = maxKnots;
    builder.pointMassShare = pointMassShare;
    builder.rareCount = rareCount;
    builder.rareToken = rareToken;
    builder.minComponentRows = minComponentRows;
    builder.maxComponents = maxComponents;
    builder.maxModes = maxModes;
    builder.splitsByCategory = splitsByCategory;
    builder.defaultMarginal = defaultMarginal;
    builder.kinds.putAll(kinds);
    builder.marginals.putAll(marginals);
    builder.degenerate = degenerate;
    builder.orderPolicy = orderPolicy;
    builder.derivesColumns = derivesColumns;
    builder.detectsGroups = detectsGroups;
    builder.splitsTimeOfDay = splitsTimeOfDay;
    builder.timeZone = timeZone;
    return builder;
  }

  /** Builds {@link FitSettings}; {@link #build()} validates. */
  public static final class Builder {
    private long seed = 42;
    private int maxKnots = 1000;
    private double pointMassShare = 0.02;
    private int rareCount = 5;
    private String rareToken;
    private int minComponentRows = 100;
    private int maxComponents = 160;
    private int maxModes = 10;
    private boolean splitsByCategory;
    private MarginalFamily defaultMarginal = MarginalFamily.EMPIRICAL;
    private final Map<String, ColumnKind> kinds = new LinkedHashMap<>();
    private final Map<String, MarginalFamily> marginals = new LinkedHashMap<>();
    private DegeneratePolicy degenerate = DegeneratePolicy.FAIL;
    private OrderPolicy orderPolicy = OrderPolicy.LENIENT;
    private boolean derivesColumns = true;
    private boolean detectsGroups = true;
    private boolean splitsTimeOfDay = true;
    private String timeZone = "UTC";

    private Builder() {}

    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    public Builder maxKnots(int value) {
      this.maxKnots = value;
      return this;
    }

    public Builder pointMassShare(double value) {
      this.pointMassShare = value;
      return this;
    }

    public Builder rareCount(int value) {
      this.rareCount = value;
      return this;
    }

    /**
     * Pools rare string categories into one category named {@code value} (and folds rare values of
     * other types into their column's most frequent category) instead of drawing frequent
     * categories in their place; null restores that default.
     */
    public Builder rareToken(String value) {
      this.rareToken = value;
      return this;
    }

    public Builder minComponentRows(int value) {
      this.minComponentRows = value;
      return this;
    }

    public Builder maxComponents(int value) {
      this.maxComponents = value;
      return this;
    }

    public Builder maxModes(int value) {
      this.maxModes = value;
      return this;
    }

    /** Chooses a small table's components by category values ({@link #splitsByCategory()}). */
    public Builder splitByCategory() {
      this.splitsByCategory = true;
      return this;
    }

    /** Leaves every table's components to the clusterer, however small the table. */
    public Builder withoutCategorySplits() {
      this.splitsByCategory = false;
      return this;
    }

    public Builder defaultMarginal(MarginalFamily value) {
      this.defaultMarginal = value;
      return this;
    }

    /** Overrides the detected kind of {@code column}. */
    public Builder kind(String column, ColumnKind kind) {
      kinds.put(column, kind);
      return this;
    }

    /** Chooses the marginal family of numeric {@code column}. */
    public Builder marginal(String column, MarginalFamily family) {
      marginals.put(column, family);
      return this;
    }

    public Builder degenerate(DegeneratePolicy value) {
      this.degenerate = value;
      return this;
    }

    public Builder orderPolicy(OrderPolicy value) {
      this.orderPolicy = value;
      return this;
    }

    /** Models every column from its own marginal: no column is derived from others. */
    public Builder withoutDerivedColumns() {
      this.derivesColumns = false;
      return this;
    }

    /** Draws every column from its own marginal: no determined columns or combinations. */
    public Builder withoutGroups() {
      this.detectsGroups = false;
      return this;
    }

    /** Models every timestamp as whole instants: no time of day apart from the date. */
    public Builder withoutTimeOfDay() {
      this.splitsTimeOfDay = false;
      return this;
    }

    /**
     * Reads timestamps' times of day on the wall clock of {@code value}, a time-zone id (the Spark
     * session's); timestamps without time zone are read as they are.
     */
    public Builder timeZone(String value) {
      this.timeZone = value;
      return this;
    }

    public FitSettings build() {
      try {
        ZoneId.of(timeZone);
      } catch (DateTimeException | NullPointerException e) {
        throw SynthlakeException.of(
            "time zone '%s' is not a time-zone id (%s); set spark.sql.session.timeZone to one"
                + " such as UTC or Europe/Paris",
            timeZone, e.getMessage());
      }

      SynthlakeException.check(maxKnots >= 2, "max knots must be at least 2, got %d", maxKnots);
      SynthlakeException.check(
          pointMassShare > 0 && pointMassShare <= 1,
          "point-mass share must be in (0, 1], got %s",
          pointMassShare);
      SynthlakeException.check(
          rareCount >= 1, "the rare-category threshold must be at least 1, got %d", rareCount);
      SynthlakeException.check(
          rareToken == null || !rareToken.isEmpty(), "the rare-category token must not be empty");
      SynthlakeException.check(
          minComponentRows >= 1,
          "the minimum component size must be at least 1 row, got %d",
          minComponentRows);
      SynthlakeException.check(
          maxComponents >= 1, "max components must be at least 1, got %d", maxComponents);
      SynthlakeException.check(
          maxModes >= 1 && maxModes <= 50, "max modes must be 1 to 50, got %d", maxModes);
      return new FitSettings(this);
    }
  }
}
