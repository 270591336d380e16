package org.psikg.corpus;

import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.CharBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Strict UTF-8 decoding with a located error, and the checksum psikg records for texts. */
public final class TextFiles {
    private TextFiles() {
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
            throw new InputException(InputError.of(locate(bytes, bad, name), ErrorCode.UTF8,
                    "invalid UTF-8 byte 0x" + String.format("%02x", bytes[bad] & 0xff))
                    .withHint("save the file as UTF-8"));
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    private static Location locate(byte[] bytes, int offset, String name) {
        String before = new String(bytes, 0, offset, StandardCharsets.UTF_8);
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < before.length(); i++) {
            if (before.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Location(name, line, before.codePointCount(lineStart, before.length()) + 1);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
