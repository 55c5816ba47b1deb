package io.synthlake.spark;

import io.synthlake.core.Errors;
import io.synthlake.core.Setting;
import io.synthlake.core.SynthlakeException;
import io.synthlake.core.fit.DegeneratePolicy;
import io.synthlake.core.fit.FitSettings;
import io.synthlake.core.fit.MarginalFamily;
import io.synthlake.core.fit.OrderPolicy;
import io.synthlake.core.fit.OrphanPolicy;
import io.synthlake.core.types.ColumnKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Options of {@link Synthesizer#fit}: how much to sample, which columns to model and how. The same
 * choices as the {@code synthlake fit} command's options; everything else is fitted from the data.
 * Immutable; build with {@link #builder()}.
 *
 * <pre>{@code
 * FitOptions options = FitOptions.builder()
 *     .sampleRows(200_000)
 *     .seed(7)
 *     .kind("order_id", ColumnKind.KEY)
 *     .exclude("comment")
 *     .build();
 * }</pre>
 */
@PublicApi
public final class FitOptions {
  /** What to do with columns of types synthlake cannot model (struct, array, map, binary, …). */
  public enum UnsupportedColumns {
    /** Leave them out with a warning naming them (the default). */
    SKIP,
    /** Stop with an error naming them. */
    FAIL
  }

  private final int sampleRows;
  private final int clusterRows;
  private final List<String> exclude;
  private final UnsupportedColumns unsupported;
  private final FitSettings settings;
  private final OrphanPolicy orphans;

  private FitOptions(Builder builder) {
    this.sampleRows = builder.sampleRows;
    this.clusterRows = builder.clusterRows;
    this.exclude = List.copyOf(builder.exclude);
    this.unsupported = builder.unsupported;
    this.orphans = builder.orphans;
    this.settings = builder.settings.build(); // validates
  }

  /**
   * A builder starting from the defaults.
   *
   * @return this builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The defaults: 100,000 sampled rows, seed 42, every column's kind and marginal detected.
   *
   * @return the default options
   */
  public static FitOptions defaults() {
    return builder().build();
  }

  /** The core fitter's settings these options make. */
  FitSettings settings() {
    return settings;
  }

  /**
   * Rows sampled from the input for fitting; the driver holds them in memory.
   *
   * @return the sampled rows
   */
  public int sampleRows() {
    return sampleRows;
  }

  /**
   * Rows used to fit each Gaussian-mixture candidate (all sampled rows are then assigned to
   * clusters).
   *
   * @return the rows per candidate
   */
  public int clusterRows() {
    return clusterRows;
  }

  /**
   * The seed of sampling and fitting: the same input and seed give the same model.
   *
   * @return the seed
   */
  public long seed() {
    return settings.seed();
  }

  /**
   * The columns left out of the model.
   *
   * @return the excluded columns
   */
  public List<String> exclude() {
    return exclude;
  }

  /**
   * The column kinds given, by column name; other columns' kinds are detected.
   *
   * @return the kinds, by column
   */
  public Map<String, ColumnKind> kinds() {
    return settings.kinds();
  }

  /**
   * The marginal families given, by column name; other columns get the fitter's choice.
   *
   * @return the families, by column
   */
  public Map<String, MarginalFamily> marginals() {
    return settings.marginals();
  }

  /**
   * The most mixture components the fitter may choose.
   *
   * @return the largest component count
   */
  public int maxComponents() {
    return settings.maxComponents();
  }

  /**
   * The fewest sampled rows a mixture component must have.
   *
   * @return the fewest rows of a component
   */
  public int minComponentRows() {
    return settings.minComponentRows();
  }

  /**
   * Categories seen fewer times than this are pooled (and never generated verbatim).
   *
   * @return the rare-category threshold
   */
  public int rareCount() {
    return settings.rareCount();
  }

  /**
   * The token rare string categories become, or empty (the default) when a rare category's rows are
   * drawn as the frequent categories of their mixture component instead.
   *
   * @return the rare token, if any
   */
  public Optional<String> rareToken() {
    return settings.rareToken();
  }

  /**
   * What to do with columns that are null in every sampled row or hold one distinct value.
   *
   * @return the policy
   */
  public DegeneratePolicy degenerate() {
    return settings.degenerate();
  }

  /**
   * What a sequence's fit does with null and tied order values.
   *
   * @return the policy
   */
  public OrderPolicy orderPolicy() {
    return settings.orderPolicy();
  }

  /**
   * What to do with columns of types synthlake cannot model.
   *
   * @return the choice
   */
  public UnsupportedColumns unsupported() {
    return unsupported;
  }

  /**
   * What to do, when fitting related tables, with child rows whose foreign key matches no parent
   * row.
   *
   * @return the policy
   */
  public OrphanPolicy orphans() {
    return orphans;
  }

  /** Builds {@link FitOptions}; {@link #build()} validates. */
  public static final class Builder {
    // Small tables take their components from category values (docs/bench/small-tables.md).
    private final FitSettings.Builder settings = FitSettings.builder().splitByCategory();
    private int sampleRows = 100_000;
    private int clusterRows = 20_000;
    private final List<String> exclude = new ArrayList<>();
    private UnsupportedColumns unsupported = UnsupportedColumns.SKIP;
    private OrphanPolicy orphans = OrphanPolicy.DROP;

    private Builder() {}

    /**
     * Rows sampled for fitting (default 100,000); the driver holds them in memory.
     *
     * @param value the new value
     * @return this builder
     */
    public Builder sampleRows(int value) {
      if (value <= 0) {
        throw Errors.notPositive(Setting.SAMPLE_ROWS, value);
      }

      this.sampleRows = value;
      return this;
    }

    /**
     * Rows used to fit each Gaussian-mixture candidate (default 20,000, at least 100).
     *
     * @param value the new value
     * @return this builder
     */
    public Builder clusterRows(int value) {
      SynthlakeException.check(value >= 100, "cluster rows must be at least 100, got %d", value);
      this.clusterRows = value;
      return this;
    }

    /**
     * The seed of sampling and fitting (default 42).
     *
     * @param value the new value
     * @return this builder
     */
    public Builder seed(long value) {
      settings.seed(value);
      return this;
    }

    /**
     * Leaves {@code column} out of the model.
     *
     * @param column a column name
     * @return this builder
     */
    public Builder exclude(String column) {
      exclude.add(column);
      return this;
    }

    /**
     * Models {@code column} as {@code kind} instead of the detected kind (for example a key the
     * rules miss).
     *
     * @param column a column name
     * @param kind the column kind
     * @return this builder
     */
    public Builder kind(String column, ColumnKind kind) {
      settings.kind(column, kind);
      return this;
    }

    /**
     * Fits {@code column}'s marginal distribution with {@code family}.
     *
     * @param column a column name
     * @param family the marginal family
     * @return this builder
     */
    public Builder marginal(String column, MarginalFamily family) {
      settings.marginal(column, family);
      return this;
    }

    /**
     * The most mixture components the fitter may choose.
     *
     * @param value the new value
     * @return this builder
     */
    public Builder maxComponents(int value) {
      settings.maxComponents(value);
      return this;
    }

    /**
     * The fewest sampled rows a mixture component must have.
     *
     * @param value the new value
     * @return this builder
     */
    public Builder minComponentRows(int value) {
      settings.minComponentRows(value);
      return this;
    }

    /**
     * Categories seen fewer times than this are pooled, so no rare real value is generated
     * verbatim.
     *
     * @param value the new value
     * @return this builder
     */
    public Builder rareCount(int value) {
      settings.rareCount(value);
      return this;
    }

    /**
     * Pools rare string categories into one category named {@code value}, generated as that text
     * (rare values of other types fold into their column's most frequent category). By default
     * there is no token: a rare category's rows are drawn as the frequent categories of their own
     * mixture component, in proportion, so every generated value is a real frequent one.
     *
     * @param value the token, such as {@code "_RARE_"}; null restores the default
     * @return this builder
     */
    public Builder rareToken(String value) {
      settings.rareToken(value);
      return this;
    }

    /**
     * Models every column from its own marginal: the fit does not look for columns that others
     * compute (sums, differences, products), which it otherwise keeps as derived columns.
     *
     * @return this builder
     */
    public Builder withoutDerivedColumns() {
      settings.withoutDerivedColumns();
      return this;
    }

    /**
     * Draws every column from its own marginal: the fit does not look for columns that others
     * determine (an airport's state, a route's distance) or sparse combinations (routes), which it
     * otherwise draws as learned tuples of values.
     *
     * @return this builder
     */
    public Builder withoutGroups() {
      settings.withoutGroups();
      return this;
    }

    /**
     * Models every timestamp as whole instants from one marginal: the fit does not model a
     * timestamp's time of day apart from its date (on the session time zone's wall clock), which it
     * otherwise does for every timestamp column whose values are not all at midnight.
     *
     * @return this builder
     */
    public Builder withoutTimeOfDay() {
      settings.withoutTimeOfDay();
      return this;
    }

    /**
     * Leaves a small table's mixture components to the score clusterer: the fit does not split
     * tables of fewer than ten times {@code min-component-rows} rows by the values of their most
     * telling categorical columns, which it otherwise does. Splits lift ML utility on small tables
     * and bring the synthetic rows somewhat closer to the training rows
     * (docs/bench/small-tables.md).
     *
     * @return this builder
     */
    public Builder withoutCategorySplits() {
      settings.withoutCategorySplits();
      return this;
    }

    /**
     * What to do with columns null in every sampled row or of one distinct value (default: fail).
     *
     * @param value the new value
     * @return this builder
     */
    public Builder degenerate(DegeneratePolicy value) {
      settings.degenerate(value);
      return this;
    }

    /**
     * What a sequence's fit does with rows whose order value is null or repeats within an entity
     * (default: lenient, leaving out the nulls and keeping ties at a gap of 0, with warnings).
     *
     * @param value the new value
     * @return this builder
     */
    public Builder orderPolicy(OrderPolicy value) {
      settings.orderPolicy(value);
      return this;
    }

    /**
     * What to do with columns of types synthlake cannot model (default: skip them with a warning).
     *
     * @param value the new value
     * @return this builder
     */
    public Builder unsupported(UnsupportedColumns value) {
      this.unsupported = value;
      return this;
    }

    /**
     * What to do, when fitting related tables, with child rows whose foreign key matches no parent
     * row (default: leave them out of the fit, with a warning that counts them).
     *
     * @param value the new value
     * @return this builder
     */
    public Builder orphans(OrphanPolicy value) {
      this.orphans = value;
      return this;
    }

    /**
     * The options; fails with a one-line message on an invalid value.
     *
     * @return the options
     */
    public FitOptions build() {
      return new FitOptions(this);
    }
  }
}
