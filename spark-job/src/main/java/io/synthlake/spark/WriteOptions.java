package io.synthlake.spark;

import java.util.Objects;

/**
 * Options of {@link TableWriter}: the format, what to do when the output exists, and a new Delta
 * table's statistics columns. Immutable; build with {@link #builder()}, or start from {@link
 * #defaults()} (Delta, fail if the output exists, statistics on non-string columns).
 *
 * <pre>{@code
 * TableWriter.toPath(rows, "s3a://bucket/fixtures/orders",
 *     WriteOptions.builder().format(OutputFormat.PARQUET).mode(WriteMode.OVERWRITE).build());
 * }</pre>
 */
@PublicApi
public final class WriteOptions {
  private final OutputFormat format;
  private final WriteMode mode;
  private final DeltaStatistics deltaStatistics;

  private WriteOptions(Builder builder) {
    this.format = builder.format;
    this.mode = builder.mode;
    this.deltaStatistics = builder.deltaStatistics;
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
   * Delta, {@link WriteMode#ERROR} (never replace anything by accident), {@link
   * DeltaStatistics#NON_STRING}.
   *
   * @return the default options
   */
  public static WriteOptions defaults() {
    return builder().build();
  }

  /**
   * The table format written.
   *
   * @return the format
   */
  public OutputFormat format() {
    return format;
  }

  /**
   * What happens when the output already exists.
   *
   * @return the mode
   */
  public WriteMode mode() {
    return mode;
  }

  /**
   * The columns a new Delta table collects statistics on; ignored for other formats and existing
   * tables.
   *
   * @return the statistics choice
   */
  public DeltaStatistics deltaStatistics() {
    return deltaStatistics;
  }

  /** Builds {@link WriteOptions}. */
  public static final class Builder {
    private OutputFormat format = OutputFormat.DELTA;
    private WriteMode mode = WriteMode.ERROR;
    private DeltaStatistics deltaStatistics = DeltaStatistics.NON_STRING;

    private Builder() {}

    /**
     * The table format; Delta by default.
     *
     * @param value the new value
     * @return this builder
     */
    public Builder format(OutputFormat value) {
      this.format = Objects.requireNonNull(value, "format");
      return this;
    }

    /**
     * What to do when the output exists; {@link WriteMode#ERROR} by default.
     *
     * @param value the new value
     * @return this builder
     */
    public Builder mode(WriteMode value) {
      this.mode = Objects.requireNonNull(value, "mode");
      return this;
    }

    /**
     * A new Delta table's statistics columns; {@link DeltaStatistics#NON_STRING} by default.
     *
     * @param value the new value
     * @return this builder
     */
    public Builder deltaStatistics(DeltaStatistics value) {
      this.deltaStatistics = Objects.requireNonNull(value, "deltaStatistics");
      return this;
    }

    /**
     * The options.
     *
     * @return the options
     */
    public WriteOptions build() {
      return new WriteOptions(this);
    }
  }
}
