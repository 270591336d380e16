package org.psikg.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
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
 * the same gzip bytes and the same SHA-256.
 * <p>
 * They are written from the graph as built ({@link #of}), never from a TDB2 copy of it: TDB2
 * holds an xsd:decimal by its value and gives back its canonical form ({@code "9"} as
 * {@code "9.0"}), so a dump written from the store would not be the build's bytes
 * (docs/decisions.md). {@code build --tdb2} keeps them in the store's folder ({@link #save},
 * {@link #read}) for {@code serve --tdb2}. Only a server whose data can change writes them
 * from its store, afresh for each request ({@link #fromStore}).
 * <pre>
 * Dumps dumps = Dumps.of(kg.dataset(), kg.prefixes());
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
    private static final List<String> MEDIA_TYPES = List.of("application/trig", "application/n-quads");
    /** The folder, in a TDB2 store's folder, that holds the dumps of its build. */
    public static final String FOLDER = "dumps";

    private final Supplier<Map<String, File>> files;

    private Dumps(Supplier<Map<String, File>> files) {
        this.files = files;
    }

    /** The dumps of {@code source}, written now. */
    public static Dumps of(DatasetGraph source, PrefixMapping prefixes) {
        Map<String, File> files = write(source, prefixes);
        return new Dumps(() -> files);
    }

    /** The dumps of a store whose data may change: written from it at each call, in a read transaction. */
    public static Dumps fromStore(DatasetGraph store, Supplier<PrefixMapping> prefixes) {
        return new Dumps(() -> Txn.calculateRead(store, () -> write(store, prefixes.get())));
    }

    /** Dumps that {@code files} gives when first asked (and keeps): for dumps still being written when the server starts. */
    public static Dumps later(Supplier<Dumps> dumps) {
        Supplier<Map<String, File>> once = new Supplier<>() {
            private Map<String, File> files;

            @Override
            public synchronized Map<String, File> get() {
                if (files == null) {
                    files = dumps.get().all();
                }
                return files;
            }
        };
        return new Dumps(once);
    }

    /** The dumps {@link #save} left in {@code folder}, or empty if it holds none. */
    public static Optional<Dumps> read(Path folder) {
        Map<String, File> files = new LinkedHashMap<>();
        for (int i = 0; i < NAMES.size(); i++) {
            Path f = folder.resolve(FOLDER).resolve(NAMES.get(i));
            if (!Files.isRegularFile(f)) {
                return Optional.empty();
            }
            try {
                byte[] b = Files.readAllBytes(f);
                files.put(NAMES.get(i), new File(NAMES.get(i), MEDIA_TYPES.get(i), b, sha256(b)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Optional.of(new Dumps(() -> files));
    }

    /** The files to keep in a store's folder, by path relative to it ({@code dumps/psikg.trig.gz}). */
    public Map<String, byte[]> toSave() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        all().forEach((name, f) -> out.put(savedPath(name), f.bytes()));
        return out;
    }

    /** Where {@link #toSave} puts each dump in a store's folder: the paths psikg writes there besides TDB2's files. */
    public static Set<String> savedPaths() {
        return NAMES.stream().map(Dumps::savedPath).collect(Collectors.toUnmodifiableSet());
    }

    private static String savedPath(String name) {
        return FOLDER + "/" + name;
    }

    /** A dump by name ({@code psikg.trig.gz}), or empty. */
    public Optional<File> file(String name) {
        return Optional.ofNullable(all().get(name));
    }

    /** What identifies the data: the SHA-256 of the N-Quads dump (the search index beside a store records it). */
    public String digest() {
        return file(NAMES.get(1)).orElseThrow().sha256();
    }

    public Map<String, File> all() {
        return files.get();
    }

    private static Map<String, File> write(DatasetGraph dsg, PrefixMapping prefixes) {
        DatasetWriter writer = DatasetWriter.of(dsg, prefixes);
        Map<String, File> m = new LinkedHashMap<>();
        m.put(NAMES.get(0), file(NAMES.get(0), MEDIA_TYPES.get(0), writer, RDFFormat.TRIG_BLOCKS));
        m.put(NAMES.get(1), file(NAMES.get(1), MEDIA_TYPES.get(1), writer, RDFFormat.NQUADS));
        return m;
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
