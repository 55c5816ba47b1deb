/**
 * Internal: not part of synthlake's public API (see {@link io.synthlake.spark.PublicApi}) and may
 * change in any release. The Spark jobs behind io.synthlake.spark.Evaluation: column roles,
 * profiles, privacy and ML utility.
 */
package io.synthlake.spark.internal.evaluate;
