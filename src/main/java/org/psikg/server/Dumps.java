package org.psikg.server;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
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
import org.psikg.rdf.SortedDataset;

/**
 * The dumps served at /dumps/: the whole dataset as gzipped TriG and N-Quads, written by the
 * same sorted writer as {@code psikg build}, so that a dump unzips to the bytes the build
 * wrote. Java's gzip header has no time stamp or file name, so the same data always gives
 * the same gzip bytes and the same SHA-256.
 * <p>
 * They are written from the graph as built ({@link #of}), never from a TDB2 copy of it: TDB2
 * holds an xsd:decimal by its value and gives back its canonical form ({@code "9"} as
 * {@code "9.0"}), so a dump written from the store would not be the build's bytes
 * (docs/decisions.md). {@code build --tdb2} keeps them in the store's folder ({@link #toSave},
 * {@link #read}) for {@code serve --tdb2}. Only a server whose data can change writes them
 * from its store, afresh for each request ({@link #fromStore}).
 * <pre>
 * Dumps dumps = Dumps.of(kg.dataset(), kg.prefixes());
 * try (InputStream in = dumps.file("psikg.trig.gz").get().open()) { ... }
 * </pre>
 */
public final class Dumps {
    /**
     * One file of /dumps/: its name, media type, size and the SHA-256 of its bytes, which are
     * in memory (a dump written now, {@link #of}) or in a file ({@link #read}: build --tdb2's,
     * read from disk at each request, never held: at 10^4 articles a dump is hundreds of MB).
     */
    public static final class File {
        private final String name;
        private final String mediaType;
        private final long size;
        private final byte[] bytes;
        private final Path path;
        private String sha256;

        private File(String name, String mediaType, long size, String sha256, byte[] bytes, Path path) {
            this.name = name;
            this.mediaType = mediaType;
            this.size = size;
            this.sha256 = sha256;
            this.bytes = bytes;
            this.path = path;
        }

        public String name() {
            return name;
        }

        public String mediaType() {
            return mediaType;
        }

        /** Its length in bytes. */
        public long size() {
            return size;
        }

        /**
         * The SHA-256 of its bytes, in hexadecimal. Of a file, read (as a stream) when first
         * asked, not when the server starts: hundreds of MB at 10^4 articles would delay the
         * first answer, which needs no checksum.
         */
        public synchronized String sha256() {
            if (sha256 == null) {
                try (InputStream in = open()) {
                    MessageDigest sha = sha256Digest();
                    in.transferTo(new DigestOutputStream(OutputStream.nullOutputStream(), sha));
                    sha256 = hex(sha);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return sha256;
        }

        /** Its bytes, from the start: the caller closes the stream. */
        public InputStream open() throws IOException {
            return path == null ? new ByteArrayInputStream(bytes) : Files.newInputStream(path);
        }

        /** The checksum file's content, as {@code sha256sum} writes and checks it. */
        public String sha256Line() {
            return sha256 + "  " + name + "\n";
        }
    }

    public static final List<String> NAMES = List.of("psikg.trig.gz", "psikg.nq.gz");
    private static final List<String> MEDIA_TYPES = List.of("application/trig", "application/n-quads");
    private static final List<RDFFormat> FORMATS = List.of(RDFFormat.TRIG_BLOCKS, RDFFormat.NQUADS);
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

    /**
     * The dumps build --tdb2 left in {@code folder} ({@link #savedPaths}), or empty if it holds
     * none. The files stay on disk, read at each request for them (and once, as a stream,
     * for their SHA-256, when first asked: {@link File#sha256}).
     */
    public static Optional<Dumps> read(Path folder) {
        Map<String, File> files = new LinkedHashMap<>();
        for (int i = 0; i < NAMES.size(); i++) {
            Path f = folder.resolve(FOLDER).resolve(NAMES.get(i));
            if (!Files.isRegularFile(f)) {
                return Optional.empty();
            }
            try {
                files.put(NAMES.get(i), new File(NAMES.get(i), MEDIA_TYPES.get(i), Files.size(f), null, null, f));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Optional.of(new Dumps(() -> files));
    }

    /**
     * Writes the dumps of {@code data} into a store's folder ({@code folder/dumps/psikg.trig.gz}
     * and {@code psikg.nq.gz}), gzipping as they are written: the bytes of {@link #of} and
     * {@link #toSave}, never held in memory. Returns the {@link #digest}, computed as the file is written.
     */
    public static String save(SortedDataset data, Path folder) throws IOException {
        Path dir = Files.createDirectories(folder.resolve(FOLDER));
        String digest = null;
        for (int i = 0; i < NAMES.size(); i++) {
            MessageDigest sha = sha256Digest();
            // The buffer below the gzip stream: the deflater sees the writes it sees in #file, and so gives the same bytes.
            try (OutputStream file = Files.newOutputStream(dir.resolve(NAMES.get(i)));
                 GZIPOutputStream gz = new GZIPOutputStream(new BufferedOutputStream(new DigestOutputStream(file, sha), 1 << 16))) {
                data.write(gz, FORMATS.get(i));
            }
            digest = hex(sha);
        }
        return digest;
    }

    /** The files to keep in a store's folder, by path relative to it ({@code dumps/psikg.trig.gz}). */
    public Map<String, byte[]> toSave() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        all().forEach((name, f) -> {
            try (InputStream in = f.open()) {
                out.put(savedPath(name), in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
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
        for (int i = 0; i < NAMES.size(); i++) {
            m.put(NAMES.get(i), file(NAMES.get(i), MEDIA_TYPES.get(i), writer, FORMATS.get(i)));
        }
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
        return new File(name, mediaType, b.length, sha256(b), b, null);
    }

    static String sha256(byte[] bytes) {
        MessageDigest sha = sha256Digest();
        sha.update(bytes);
        return hex(sha);
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(MessageDigest sha) {
        return HexFormat.of().formatHex(sha.digest());
    }
}
