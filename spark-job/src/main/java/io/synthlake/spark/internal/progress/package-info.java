/**
 * Internal: progress of long CLI commands on stderr, driven by a Spark listener. Not part of
 * synthlake's public API.
 */
package io.synthlake.spark.internal.progress;
