/**
 * Internal: not part of synthlake's public API (see {@link io.synthlake.spark.PublicApi}) and may
 * change in any release. The synthlake data source: model cache, partitions, columnar generation on
 * the executors.
 */
package io.synthlake.spark.source;
