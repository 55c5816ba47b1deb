package io.synthlake.spark.internal;

import io.synthlake.core.SynthlakeException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The encoding of CSV and JSON input. Spark decodes text as UTF-8 unless told otherwise and turns
 * every byte it cannot decode into U+FFFD, so Latin-1 values such as 'Zürich' and 'Zárate' silently
 * become one value. Before reading, the first bytes of each file are checked to be UTF-8; when they
 * are not, the error says to pass {@code --encoding}.
 */
final class TextEncoding {
  /**
   * Bytes checked at the start of each file: enough for any realistic header and thousands of rows.
   */
  private static final int CHECKED_BYTES = 4 << 20;

  /** Files checked in an input directory. */
  private static final int CHECKED_FILES = 64;

  private TextEncoding() {}

  /**
   * The charset named by {@code --encoding}, or an error naming the option and a few charsets to
   * use instead.
   */
  static Charset parse(String name) {
    try {
      return Charset.forName(name.trim());
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw SynthlakeException.of(
          "--encoding '%s' is not a character set Java knows: use e.g. UTF-8, ISO-8859-1 or "
              + "windows-1252",
          name);
    }
  }

  /**
   * Fails, naming the file, line and byte, when the start of a text file under {@code path} is not
   * valid UTF-8.
   */
  static void checkUtf8(FileSystem fs, Path path, String location) throws IOException {
    int checked = 0;
    for (FileStatus file : files(fs, path)) {
      if (checked++ >= CHECKED_FILES) {
        return;
      }

      checkFile(fs, file.getPath(), location);
    }
  }

  private static FileStatus[] files(FileSystem fs, Path path) throws IOException {
    FileStatus status = fs.getFileStatus(path);
    if (status.isFile()) {
      return new FileStatus[] {status};
    }

    return fs.listStatus(
        path,
        file ->
            !file.getName().startsWith(".")
                && !file.getName().startsWith("_")
                && !file.getName()
                    .toLowerCase(Locale.ROOT)
                    .matches(".*\\.(gz|bz2|zst|lz4|snappy|deflate|zip)$"));
  }

  private static void checkFile(FileSystem fs, Path file, String location) throws IOException {
    byte[] bytes = new byte[CHECKED_BYTES];
    int length = 0;
    try (InputStream in = fs.open(file)) {
      for (int read;
          length < bytes.length && (read = in.read(bytes, length, bytes.length - length)) > 0; ) {
        length += read;
      }
    }

    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer input = ByteBuffer.wrap(bytes, 0, length);
    CharBuffer output = CharBuffer.allocate(8192);
    while (true) {
      CoderResult result =
          decoder.decode(
              input, output, false); // a sequence cut at the checked length is not an error
      if (result.isError()) {
        throw notUtf8(bytes, input.position(), location, file);
      }

      if (result.isUnderflow()) {
        return;
      }

      output.clear();
    }
  }

  private static SynthlakeException notUtf8(byte[] bytes, int offset, String location, Path file) {
    long line = 1;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }

    String where =
        location.endsWith(file.getName()) ? location : location + " (file " + file.getName() + ")";
    return SynthlakeException.of(
        "input %s is not UTF-8: line %d has the byte 0x%02X, which UTF-8 cannot hold, and "
            + "would be read as U+FFFD, merging distinct values; pass the file's encoding, e.g. --encoding ISO-8859-1 "
            + "(or windows-1252), or convert the file to UTF-8",
        where, line, bytes[offset] & 0xFF);
  }

  /** True for the charsets Spark reads without conversion. */
  static boolean isUtf8(Charset charset) {
    return charset.equals(StandardCharsets.UTF_8);
  }
}
