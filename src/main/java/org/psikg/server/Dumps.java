package org.psikg.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.psikg.rdf.DatasetWriter;

/**
 * The dumps served at /dumps/: the whole dataset as gzipped TriG and N-Quads, written by the
 * same sorted writer as {@code psikg build}, so that a dump unzips to the bytes the build
 * wrote. Java's gzip header has no time stamp or file name, so the same data always gives
 * the same gzip bytes and the same SHA-256. Made on first request (start-up stays fast)
 * and kept, unless the data can change.
 * <pre>
 * Dumps dumps = new Dumps(dsg, () -> prefixes, true);
 * dumps.file("psikg.trig.gz").get().bytes();
 * </pre>
 */
public final class Dumps {
    /** One file of /dumps/: its name, media type, bytes and the SHA-256 of the bytes. */
    public record File(String name, String mediaType, byte[] bytes, String sha256) {
        /** The checksum file's content, as {@code sha256sum} writes and checks it. */
        public String sha256Line() {
            return sha256 + "  " + name + "\n";
        }
    }

    public static final List<String> NAMES = List.of("psikg.trig.gz", "psikg.nq.gz");

    private final DatasetGraph dsg;
    private final Supplier<PrefixMapping> prefixes;
    private final boolean keep;
    private Map<String, File> files;

    public Dumps(DatasetGraph dsg, Supplier<PrefixMapping> prefixes, boolean keep) {
        this.dsg = dsg;
        this.prefixes = prefixes;
        this.keep = keep;
    }

    /** A dump by name ({@code psikg.trig.gz}), or empty. */
    public Optional<File> file(String name) {
        return Optional.ofNullable(all().get(name));
    }

    public synchronized Map<String, File> all() {
        if (files != null) {
            return files;
        }
        Map<String, File> made = Txn.calculateRead(dsg, () -> {
            DatasetWriter writer = DatasetWriter.of(dsg, prefixes.get());
            Map<String, File> m = new LinkedHashMap<>();
            m.put(NAMES.get(0), file(NAMES.get(0), "application/trig", writer, RDFFormat.TRIG_BLOCKS));
            m.put(NAMES.get(1), file(NAMES.get(1), "application/n-quads", writer, RDFFormat.NQUADS));
            return m;
        });
        if (keep) {
            files = made;
        }
        return made;
    }

    private static File file(String name, String mediaType, DatasetWriter writer, RDFFormat format) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            writer.write(gz, format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] b = bytes.toByteArray();
        return new File(name, mediaType, b, sha256(b));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
