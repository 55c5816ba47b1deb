/**
 * synthlake from SQL alone: {@link io.synthlake.spark.sql.SynthlakeExtensions}, set as {@code
 * spark.sql.extensions}, registers the table-valued function {@code synthlake_generate(path, rows[,
 * seed])}; {@code CREATE TABLE … USING synthlake OPTIONS (…)} needs no extension.
 */
package io.synthlake.spark.sql;
