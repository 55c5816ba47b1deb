/**
 * Internal: not part of synthlake's public API (see {@link io.synthlake.spark.PublicApi}) and may
 * change in any release. Writers that fill Parquet files and Delta commits straight from generated
 * blocks, and atomic publication.
 */
package io.synthlake.spark.write;
