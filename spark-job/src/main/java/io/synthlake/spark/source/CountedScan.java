package io.synthlake.spark.source;

/**
 * A scan that knows how many rows it yields before it runs: writers check the rows they wrote
 * against it before publishing anything.
 */
interface CountedScan {
  long rows();
}
