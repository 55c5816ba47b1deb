package io.synthlake.spark;

import io.synthlake.core.SynthlakeException;
import io.synthlake.core.fit.DegeneratePolicy;
import io.synthlake.core.fit.FitSettings;
import io.synthlake.core.fit.MarginalFamily;
import io.synthlake.core.types.ColumnKind;
import java.util.ArrayList;
import java.util.List;

/** Options of {@link Synthesizer#fit}: how much to sample, which columns to model and how. Build with {@link #builder()}. */
public final class FitOptions {
  /** What to do with columns of types synthlake cannot model (struct, array, map, binary, …). */
  public enum UnsupportedColumns {
    /** Leave them out with a warning naming them (the default). */
    SKIP,
    /** Stop with an error naming them. */
    FAIL
  }

  private final FitSettings settings;
  private final int sampleRows;
  private final int clusterRows;
  private final List<String> exclude;
  private final UnsupportedColumns unsupported;

  private FitOptions(Builder builder) {
    this.settings = builder.settings.build();
    this.sampleRows = builder.sampleRows;
    this.clusterRows = builder.clusterRows;
    this.exclude = List.copyOf(builder.exclude);
    this.unsupported = builder.unsupported;
  }

  public static Builder builder() {
    return new Builder();
  }

  public static FitOptions defaults() {
    return builder().build();
  }

  public FitSettings settings() {
    return settings;
  }

  /** Rows sampled from the input for fitting; the driver holds them in memory. */
  public int sampleRows() {
    return sampleRows;
  }

  /** Rows used to fit each Gaussian-mixture candidate (all sampled rows are then assigned to clusters). */
  public int clusterRows() {
    return clusterRows;
  }

  public List<String> exclude() {
    return exclude;
  }

  public UnsupportedColumns unsupported() {
    return unsupported;
  }

  /** Builds {@link FitOptions}; {@link #build()} validates. */
  public static final class Builder {
    private final FitSettings.Builder settings = FitSettings.builder();
    private int sampleRows = 100_000;
    private int clusterRows = 20_000;
    private final List<String> exclude = new ArrayList<>();
    private UnsupportedColumns unsupported = UnsupportedColumns.SKIP;

    private Builder() {}

    public Builder sampleRows(int value) {
      SynthlakeException.check(value > 0, "--sample-rows must be a positive whole number, got %d", value);
      this.sampleRows = value;
      return this;
    }

    public Builder clusterRows(int value) {
      SynthlakeException.check(value >= 100, "cluster rows must be at least 100, got %d", value);
      this.clusterRows = value;
      return this;
    }

    public Builder seed(long value) {
      settings.seed(value);
      return this;
    }

    public Builder exclude(String column) {
      exclude.add(column);
      return this;
    }

    public Builder kind(String column, ColumnKind kind) {
      settings.kind(column, kind);
      return this;
    }

    public Builder marginal(String column, MarginalFamily family) {
      settings.marginal(column, family);
      return this;
    }

    public Builder defaultMarginal(MarginalFamily family) {
      settings.defaultMarginal(family);
      return this;
    }

    public Builder maxComponents(int value) {
      settings.maxComponents(value);
      return this;
    }

    public Builder minComponentRows(int value) {
      settings.minComponentRows(value);
      return this;
    }

    public Builder rareCount(int value) {
      settings.rareCount(value);
      return this;
    }

    public Builder maxKnots(int value) {
      settings.maxKnots(value);
      return this;
    }

    public Builder degenerate(DegeneratePolicy value) {
      settings.degenerate(value);
      return this;
    }

    public Builder unsupported(UnsupportedColumns value) {
      this.unsupported = value;
      return this;
    }

    public FitOptions build() {
      return new FitOptions(this);
    }
  }
}
