/**
 * Internal: not part of synthlake's public API (see {@link io.synthlake.spark.PublicApi}) and may
 * change in any release. The synthlake command line: argument parsing, commands, error reporting.
 */
package io.synthlake.spark.cli;
