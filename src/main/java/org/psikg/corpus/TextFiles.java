package org.psikg.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.CharBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.psikg.error.ErrorCode;
import org.psikg.error.InputError;
import org.psikg.error.InputException;
import org.psikg.error.LineCounter;
import org.psikg.error.Location;

/** Strict UTF-8 decoding with a located error, and the checksum psikg records for texts. */
public final class TextFiles {
    private TextFiles() {
    }

    /**
     * Refuses anything in the corpus that is not a plain file: a symbolic link (it could lead
     * out of the seeds folder, to /etc/passwd or /dev/zero), a FIFO (reading it blocks for
     * ever), a device or a folder. Checked without following links, before anything opens it.
     */
    public static void requireRegularFile(Path path, String name) {
        String what = Files.isSymbolicLink(path) ? "a symbolic link"
                : Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) ? null
                : Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? "a folder" : "not a regular file (a FIFO, socket or device)";
        if (what != null) {
            throw new InputException(InputError.of(Location.ofFile(name), ErrorCode.NOT_REGULAR_FILE,
                    "is " + what + "; psikg reads only regular files in the seeds folder")
                    .withHint("replace it with a copy of the file it stands for"));
        }
    }

    /**
     * Refuses a file larger than {@code maxBytes} before anything reads it whole, so a huge
     * file costs neither memory nor time. The error points at the line and column where the
     * file passes the limit (found by reading only that far).
     *
     * @param what how to name the kind of file in the message, e.g. "YAML file"
     */
    public static void requireAtMost(Path path, String name, long maxBytes, ErrorCode code, String what) {
        long size;
        try {
            size = Files.size(path);
            if (size <= maxBytes) {
                return;
            }
            throw new InputException(new InputError(positionOf(path, maxBytes, name), code,
                    what + " is larger than " + megabytes(maxBytes) + " (" + size + " bytes); it passes the limit here",
                    "split it into several files"));
        } catch (IOException e) {
            throw new InputException(InputError.of(Location.ofFile(name), ErrorCode.IO, "cannot read file: " + e.getMessage()));
        }
    }

    private static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
    }

    /** Line and column (in code points, whatever the encoding's validity) of the byte at {@code offset}. */
    private static Location positionOf(Path path, long offset, String name) throws IOException {
        LineCounter counter = new LineCounter();
        byte[] buffer = new byte[64 * 1024];
        long left = offset;
        try (InputStream in = Files.newInputStream(path)) {
            int n;
            while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
                for (int i = 0; i < n; i++) {
                    counter.passByte(buffer[i] & 0xff);
                }
                left -= n;
            }
        }
        return counter.location(name);
    }

    /**
     * Decodes {@code bytes} as UTF-8, refusing malformed input (and so any encoded surrogate)
     * with the line and column of the first bad byte.
     *
     * @param refuseBom whether a leading byte-order mark is an error (YAML) or kept (texts)
     */
    public static String decodeUtf8(byte[] bytes, String name, boolean refuseBom) {
        if (refuseBom && bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf) {
            throw new InputException(InputError.of(new Location(name, 1, 1), ErrorCode.BOM,
                    "file starts with a byte-order mark").withHint("save the file as UTF-8 without BOM"));
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int bad = in.position();
            String before = new String(bytes, 0, bad, StandardCharsets.UTF_8);
            throw new InputException(InputError.of(Location.at(name, before, before.length()), ErrorCode.UTF8,
                    "invalid UTF-8 byte 0x" + String.format("%02x", bytes[bad] & 0xff))
                    .withHint("save the file as UTF-8"));
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    /**
     * The index of the first character of {@code text} that psikg refuses in a corpus, or -1:
     * control characters other than tab and line breaks (a NUL, an escape that recolours a
     * terminal) and the bidi controls (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to
     * U+2069), which reorder what a page shows around them: a quote or a label could be made
     * to read as something it is not.
     */
    public static int forbiddenCharacterAt(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r';
            boolean bidi = c == '\u061c' || c == '\u200e' || c == '\u200f' || c >= '\u202a' && c <= '\u202e'
                    || c >= '\u2066' && c <= '\u2069';
            if (control || bidi) {
                return i;
            }
        }
        return -1;
    }

    /** The error for the character {@link #forbiddenCharacterAt} found, at {@code at}. */
    public static InputException forbiddenCharacter(Location at, char c) {
        String name = Character.getName(c);
        return new InputException(InputError.of(at, ErrorCode.BAD_CHARACTER, String.format(
                "the character U+%04X%s is not allowed: control characters and bidi controls could hide or reorder"
                        + " what the pages show", (int) c, name == null ? "" : " (" + name + ")"))
                .withHint("delete it; write the text as it reads"));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
