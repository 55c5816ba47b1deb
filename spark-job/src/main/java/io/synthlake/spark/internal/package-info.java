/**
 * Internal: not part of synthlake's public API (see {@link io.synthlake.spark.PublicApi}) and may
 * change in any release. Spark helpers shared by the API, the CLI and the bench: sessions, table
 * reading, model files, types.
 */
package io.synthlake.spark.internal;
