package org.psikg.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.util.Symbol;
import org.apache.jena.system.Txn;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.psikg.error.ErrorCode;
import org.psikg.error.InputError;
import org.psikg.error.InputException;
import org.psikg.error.Location;

/**
 * The full-text index of the graph (Lucene): the labels and aliases of every named thing, the
 * quote of every annotation and the whole text of every article, each analysed twice, by
 * Lucene's English analyser and by its Russian one (each stems its own script and leaves the
 * other alone), so that "sanctions" finds "sanction" and "санкции" finds "санкций". Labels
 * weigh three times as much as quotes and texts. Ranked by BM25; every hit carries the
 * passage around its matches, with the matched words marked.
 * <pre>
 * try (TextIndex index = TextIndex.build(dsg)) {          // serve: in memory
 *     List&lt;TextIndex.Hit&gt; hits = index.search("санкции", 20);
 * }
 * TextIndex.write(dsg, TextIndex.besideStore(Path.of("target/tdb2")), digest);   // build --tdb2
 * TextIndex.writtenFor(TextIndex.besideStore(Path.of("target/tdb2")));           // serve --tdb2: Optional[digest]
 * </pre>
 * An index written beside a store records, in its Lucene commit, the digest of the store it
 * was written with (the SHA-256 of the store's N-Quads dump), so that {@code serve --tdb2}
 * can tell an index of another build from its own.
 */
public final class TextIndex implements Closeable {
    /** The context key under which a dataset's index is found by {@link TextSearchFunction}. */
    public static final Symbol SYMBOL = Symbol.create("https://w3id.org/psikg/fn#textIndex");

    /** What a hit is. */
    public enum Kind { ENTITY, QUOTE, ARTICLE }

    /** A piece of a snippet: text, and whether it is one of the words the query matched. */
    public record Piece(String text, boolean match) {
    }

    /**
     * One hit: the thing (an entity, an annotation, an article), its name (a label, the
     * article's title), for a quote its article, the snippet and the score.
     */
    public record Hit(Kind kind, String iri, String name, String article, List<Piece> snippet, float score) {
    }

    static final String KIND = "kind";
    static final String IRI = "iri";
    static final String NAME = "name";
    static final String ARTICLE = "article";
    static final String BODY = "body";
    private static final String LABEL_EN = "label_en";
    private static final String LABEL_RU = "label_ru";
    private static final String TEXT_EN = "text_en";
    private static final String TEXT_RU = "text_ru";
    private static final float LABEL_BOOST = 3f;
    /** The key of the store's digest in the commit's user data. */
    private static final String STORE_DIGEST = "psikg.store.sha256";

    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    private TextIndex(Directory directory) throws IOException {
        this.directory = directory;
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
    }

    /** Where {@code build --tdb2 DIR} puts the index of the store in DIR: the folder DIR.text beside it. */
    public static Path besideStore(Path store) {
        Path abs = store.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + ".text");
    }

    /** An index of {@code dsg} in memory. */
    public static TextIndex build(DatasetGraph dsg) {
        try {
            Directory dir = new ByteBuffersDirectory();
            fill(dir, dsg, Map.of());
            return new TextIndex(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the index of {@code dsg} to {@code dir}, replacing what is there only once it is
     * complete, with {@code storeDigest} (the digest of the store it goes with) in its commit.
     */
    public static void write(DatasetGraph dsg, Path dir, String storeDigest) throws IOException {
        if (Files.exists(dir) && !isIndex(dir)) {
            throw new IOException(dir + " exists and is not a psikg text index: not replaced");
        }
        Path tmp = dir.resolveSibling(dir.getFileName() + ".tmp");
        Path old = dir.resolveSibling(dir.getFileName() + ".old");
        deleteIndex(tmp);
        deleteIndex(old);
        try (Directory fs = FSDirectory.open(tmp)) {
            fill(fs, dsg, Map.of(STORE_DIGEST, storeDigest));
        }
        if (Files.exists(dir)) {
            Files.move(dir, old);
        }
        Files.move(tmp, dir);
        deleteIndex(old);
    }

    /**
     * A {@code bad-output} {@link InputException} if {@link #write} would refuse {@code dir}
     * (it exists and is not a psikg text index); asked before a build begins.
     */
    public static void checkWritable(Path dir) throws IOException {
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !isIndex(dir)) {
            throw new InputException(InputError.of(Location.ofFile(dir.toString()), ErrorCode.BAD_OUTPUT,
                    "the search index's folder exists and is not a psikg text index").withHint(
                    "psikg writes the index of a store DIR to DIR.text and replaces only its own: move this one out of the way"));
        }
    }

    /** Whether {@code dir} holds a Lucene index (and only files, as a Lucene index does). */
    static boolean isIndex(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (var files = Files.list(dir)) {
            List<Path> all = files.toList();
            return all.stream().allMatch(Files::isRegularFile)
                    && all.stream().anyMatch(f -> f.getFileName().toString().startsWith("segments"));
        }
    }

    /** Deletes a folder this class wrote (a left-over .tmp or .old), and nothing else. */
    private static void deleteIndex(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.list(dir)) {
            List<Path> all = files.toList();
            if (!all.stream().allMatch(Files::isRegularFile)) {
                throw new IOException(dir + " holds folders, so it is not a left-over of a psikg text index: not deleted");
            }
            for (Path f : all) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    /**
     * The digest of the store that the index in {@code dir} was written with; empty if
     * {@code dir} holds no readable psikg index, or one that records no store.
     */
    public static Optional<String> writtenFor(Path dir) {
        try {
            if (!isIndex(dir)) {
                return Optional.empty();
            }
            try (Directory fs = FSDirectory.open(dir); DirectoryReader r = DirectoryReader.open(fs)) {
                return Optional.ofNullable(r.getIndexCommit().getUserData().get(STORE_DIGEST));
            }
        } catch (IOException | RuntimeException e) {
            // A damaged index is no index of this store: it is rebuilt, never trusted.
            return Optional.empty();
        }
    }

    /** Opens an index written by {@link #write}. */
    public static TextIndex open(Path dir) throws IOException {
        return new TextIndex(FSDirectory.open(dir));
    }

    private static Analyzer analyzer() {
        Analyzer en = new EnglishAnalyzer();
        Analyzer ru = new RussianAnalyzer();
        return new PerFieldAnalyzerWrapper(en, Map.of(LABEL_EN, en, TEXT_EN, en, LABEL_RU, ru, TEXT_RU, ru));
    }

    private static void fill(Directory dir, DatasetGraph dsg, Map<String, String> commitData) throws IOException {
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer()))) {
            w.setLiveCommitData(commitData.entrySet());
            Txn.executeRead(dsg, () -> {
                try {
                    Map<String, Set<String>> labels = new LinkedHashMap<>();
                    Map<String, String> names = new LinkedHashMap<>();
                    for (Binding b : select(dsg, "search-labels.rq")) {
                        String thing = b.get(Var.alloc("thing")).getURI();
                        Node label = b.get(Var.alloc("label"));
                        labels.computeIfAbsent(thing, k -> new LinkedHashSet<>()).add(label.getLiteralLexicalForm());
                        boolean alias = Boolean.parseBoolean(b.get(Var.alloc("alias")).getLiteralLexicalForm());
                        if (!alias && (label.getLiteralLanguage().equals("en") || !names.containsKey(thing))) {
                            names.put(thing, label.getLiteralLexicalForm());
                        }
                    }
                    for (Map.Entry<String, Set<String>> e : labels.entrySet()) {
                        String body = String.join(" · ", e.getValue());
                        w.addDocument(doc(Kind.ENTITY, e.getKey(), names.getOrDefault(e.getKey(), body), null, body, true));
                    }
                    for (Binding b : select(dsg, "search-quotes.rq")) {
                        String exact = b.get(Var.alloc("exact")).getLiteralLexicalForm();
                        w.addDocument(doc(Kind.QUOTE, b.get(Var.alloc("annotation")).getURI(), exact,
                                b.get(Var.alloc("article")).getURI(), exact, false));
                    }
                    for (Binding b : select(dsg, "search-articles.rq")) {
                        Node title = b.get(Var.alloc("title"));
                        String iri = b.get(Var.alloc("article")).getURI();
                        w.addDocument(doc(Kind.ARTICLE, iri, title == null ? iri : title.getLiteralLexicalForm(), iri,
                                b.get(Var.alloc("text")).getLiteralLexicalForm(), false));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            w.commit();
        }
    }

    private static Document doc(Kind kind, String iri, String name, String article, String body, boolean label) {
        Document d = new Document();
        d.add(new StringField(KIND, kind.name(), Field.Store.YES));
        d.add(new StringField(IRI, iri, Field.Store.YES));
        d.add(new StoredField(NAME, name));
        if (article != null) {
            d.add(new StoredField(ARTICLE, article));
        }
        d.add(new StoredField(BODY, body));
        d.add(new TextField(label ? LABEL_EN : TEXT_EN, body, Field.Store.NO));
        d.add(new TextField(label ? LABEL_RU : TEXT_RU, body, Field.Store.NO));
        return d;
    }

    private static List<Binding> select(DatasetGraph dsg, String name) {
        String text;
        try (InputStream in = TextIndex.class.getResourceAsStream(name)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Binding> out = new ArrayList<>();
        try (QueryExec qe = QueryExec.dataset(dsg).query(QueryFactory.create(text)).build()) {
            qe.select().forEachRemaining(out::add);
        }
        return out;
    }

    /** The best {@code limit} hits for the words of {@code text}, best first; none for a text with no word. */
    public List<Hit> search(String text, int limit) {
        Terms terms = Terms.of(text);
        if (terms.isEmpty() || limit <= 0) {
            return List.of();
        }
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        for (String t : terms.en()) {
            q.add(new BoostQuery(new TermQuery(new Term(LABEL_EN, t)), LABEL_BOOST), BooleanClause.Occur.SHOULD);
            q.add(new TermQuery(new Term(TEXT_EN, t)), BooleanClause.Occur.SHOULD);
        }
        for (String t : terms.ru()) {
            q.add(new BoostQuery(new TermQuery(new Term(LABEL_RU, t)), LABEL_BOOST), BooleanClause.Occur.SHOULD);
            q.add(new TermQuery(new Term(TEXT_RU, t)), BooleanClause.Occur.SHOULD);
        }
        try {
            List<Hit> out = new ArrayList<>();
            var stored = searcher.storedFields();
            for (ScoreDoc sd : searcher.search(q.build(), limit).scoreDocs) {
                Document d = stored.document(sd.doc);
                Kind kind = Kind.valueOf(d.get(KIND));
                out.add(new Hit(kind, d.get(IRI), d.get(NAME), d.get(ARTICLE),
                        Snippets.of(d.get(BODY), terms, kind == Kind.ARTICLE), sd.score));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many documents the index holds. */
    public int size() {
        return reader.numDocs();
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }
}
