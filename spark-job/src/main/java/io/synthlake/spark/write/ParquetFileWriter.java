package io.synthlake.spark.write;

import io.synthlake.core.generate.ColumnSink;
import io.synthlake.spark.internal.ColumnBuffer;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetOutputFormat;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Writes generated blocks into one Parquet file, column by column: each block's buffers go straight
 * to parquet-mr's column writers, with the row groups, pages, encodings, compression and statistics
 * parquet-mr gives Spark's writer. What it skips is the row in between: no row objects, no
 * per-field dispatch, no boxed decimals or copied strings.
 */
final class ParquetFileWriter implements Closeable {
  private final MessageType schema;
  private final ParquetColumn[] columns;
  private final ColumnBuffer[] buffers;
  private final ColumnDescriptor[] descriptors;
  private final ParquetProperties properties;
  private final long rowGroupBytes;
  private final CodecFactory codecs;
  private final BytesInputCompressor compressor;
  private final org.apache.parquet.hadoop.ParquetFileWriter file;
  private final Map<String, String> footerMetadata;

  /** Per column, the statistics gathered for a Delta log, or null where none are wanted. */
  private final ColumnStatistics[] statistics;

  /** Binary views of each dictionary the generators hand out, made once per file. */
  private final Map<byte[][], Binary[]> dictionaries = new IdentityHashMap<>();

  private ColumnChunkPageWriteStore pages;
  private ColumnWriteStore store;
  private ColumnWriter[] writers;
  private long rowGroupRows;
  private int rowGroupOrdinal;
  private long rows;

  /**
   * @param statisticsColumns which columns to gather {@link ColumnStatistics} on
   */
  ParquetFileWriter(
      Path path,
      ParquetColumn[] columns,
      CompressionCodecName codec,
      Map<String, String> footerMetadata,
      boolean[] statisticsColumns,
      Configuration conf)
      throws IOException {
    List<Type> fields = new ArrayList<>();
    this.columns = new ParquetColumn[columns.length];
    this.buffers = new ColumnBuffer[columns.length];
    this.statistics = new ColumnStatistics[columns.length];
    for (int i = 0; i < columns.length; i++) {
      statistics[i] = statisticsColumns[i] ? new ColumnStatistics(columns[i].floating()) : null;
      this.columns[i] = columns[i];
      this.buffers[i] = new ColumnBuffer();
      fields.add(columns[i].type());
    }

    this.schema = new MessageType("spark_schema", fields);
    this.descriptors = schema.getColumns().toArray(new ColumnDescriptor[0]);
    this.properties =
        ParquetProperties.builder()
            .withPageSize(ParquetOutputFormat.getPageSize(conf))
            .withDictionaryPageSize(ParquetOutputFormat.getDictionaryPageSize(conf))
            .withDictionaryEncoding(ParquetOutputFormat.getEnableDictionary(conf))
            .withWriterVersion(ParquetOutputFormat.getWriterVersion(conf))
            .withPageWriteChecksumEnabled(ParquetOutputFormat.getPageWriteChecksumEnabled(conf))
            .withMinRowCountForPageSizeCheck(
                ParquetOutputFormat.getMinRowCountForPageSizeCheck(conf))
            .withMaxRowCountForPageSizeCheck(
                ParquetOutputFormat.getMaxRowCountForPageSizeCheck(conf))
            .withStatisticsEnabled(ParquetOutputFormat.getStatisticsEnabled(conf))
            .build();
    this.rowGroupBytes = ParquetOutputFormat.getLongBlockSize(conf);
    this.codecs = new CodecFactory(conf, properties.getPageSizeThreshold());
    this.compressor = codecs.getCompressor(codec);
    this.footerMetadata = footerMetadata;
    this.file =
        new org.apache.parquet.hadoop.ParquetFileWriter(
            HadoopOutputFile.fromPath(path, conf),
            schema,
            org.apache.parquet.hadoop.ParquetFileWriter.Mode.CREATE,
            rowGroupBytes,
            0,
            null,
            properties);
    file.start();
  }

  /** The sinks the next block is generated into, one per column. */
  ColumnSink[] sinks() {
    return buffers.clone();
  }

  /**
   * Moves the block just generated into the file (a row group is flushed when it reaches its size).
   */
  void writeBlock(int blockRows) throws IOException {
    if (store == null) {
      startRowGroup();
    }

    for (int i = 0; i < columns.length; i++) {
      ColumnBuffer buffer = buffers[i];
      columns[i].write(
          buffer,
          blockRows,
          writers[i],
          buffer.dictionary == null ? null : dictionary(buffer.dictionary));
      if (statistics[i] != null) {
        statistics[i].update(buffer, blockRows);
      }

      buffer.reset();
    }

    for (int r = 0; r < blockRows; r++) {
      store.endRecord();
    }

    rowGroupRows += blockRows;
    rows += blockRows;
    if (store.getBufferedSize() >= rowGroupBytes) {
      flushRowGroup();
    }
  }

  private Binary[] dictionary(byte[][] values) {
    return dictionaries.computeIfAbsent(
        values,
        v -> {
          Binary[] binaries = new Binary[v.length];
          for (int i = 0; i < v.length; i++) {
            binaries[i] = Binary.fromConstantByteArray(v[i]);
          }

          return binaries;
        });
  }

  private void startRowGroup() {
    pages =
        new ColumnChunkPageWriteStore(
            compressor,
            schema,
            properties.getAllocator(),
            properties.getColumnIndexTruncateLength(),
            properties.getPageWriteChecksumEnabled(),
            null,
            rowGroupOrdinal);
    store = properties.newColumnWriteStore(schema, pages, pages);
    writers = new ColumnWriter[descriptors.length];
    for (int i = 0; i < descriptors.length; i++) {
      writers[i] = store.getColumnWriter(descriptors[i]);
    }
  }

  private void flushRowGroup() throws IOException {
    if (rowGroupRows > 0) {
      file.startBlock(rowGroupRows);
      store.flush();
      pages.flushToFileWriter(file);
      file.endBlock();
      rowGroupOrdinal++;
    }

    store.close();
    pages.close();
    store = null;
    pages = null;
    rowGroupRows = 0;
  }

  long rows() {
    return rows;
  }

  /** The statistics gathered so far, null for columns without. */
  ColumnStatistics[] statistics() {
    return statistics.clone();
  }

  /** Flushes the last row group and writes the footer. */
  void finish() throws IOException {
    if (store != null) {
      flushRowGroup();
    }

    file.end(footerMetadata);
  }

  /**
   * Abandons the file on failure; what was written is removed by the caller with its staging
   * directory.
   */
  @Override
  public void close() throws IOException {
    try {
      if (store != null) {
        store.close();
        pages.close();
        store = null;
      }
    } finally {
      codecs.release();
      file.close();
    }
  }
}
