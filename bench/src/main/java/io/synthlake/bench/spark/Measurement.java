package io.synthlake.bench.spark;

/** One timed run: who generated, into what sink, how many rows, and what it cost. */
final class Measurement {
  final String generator;
  final String sink;
  final long rows;
  final double seconds;
  final long peakHeapBytes;

  /**
   * The median over the run's collections of the heap in use right after each (see {@link
   * HeapAfterGc}).
   */
  final long heapAfterGcBytes;

  /**
   * The lowest heap after a collection in the second half of the run (see {@link
   * HeapAfterGc#settled}); -1 if unknown.
   */
  final long heapSettledBytes;

  /**
   * The median live heap of the run's full-collection probes (see {@link LiveHeapProbe}); -1 if not
   * probed.
   */
  final long liveHeapBytes;

  /**
   * Peak resident memory of the process during the run (-1 where Linux's /proc is not available).
   */
  final long peakRssBytes;

  final long outputBytes;

  Measurement(
      String generator,
      String sink,
      long rows,
      double seconds,
      long peakHeapBytes,
      long heapAfterGcBytes,
      long heapSettledBytes,
      long liveHeapBytes,
      long peakRssBytes,
      long outputBytes) {
    this.generator = generator;
    this.sink = sink;
    this.rows = rows;
    this.seconds = seconds;
    this.peakHeapBytes = peakHeapBytes;
    this.heapAfterGcBytes = heapAfterGcBytes;
    this.heapSettledBytes = heapSettledBytes;
    this.liveHeapBytes = liveHeapBytes;
    this.peakRssBytes = peakRssBytes;
    this.outputBytes = outputBytes;
  }

  double rowsPerSecond() {
    return rows / seconds;
  }
}
