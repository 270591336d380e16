package org.psikg.validate.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Predicate;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.compose.MultiUnion;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.path.P_Link;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.psikg.io.Progress;
import org.psikg.validate.SourceLocation;
import org.psikg.vocab.PsikgIris;

/**
 * Validation article by article, with the same results as over the union of all graphs.
 * Pass one ({@link #add}) keeps the shared graphs (ontology, registry, metadata) and, of the
 * article graphs, the <em>registry projection</em>: every triple about a shared node (a
 * registry entity, an ontology term), every reference to a registry entity or to another
 * article's node (a citation), and the class of the article's own node, which the metadata
 * graph names; not the references to ontology terms (a statement's {@code rdf:predicate},
 * an assertion mode), which no rule of a shared node reads from the articles.
 * Two kinds of node are then read whole, in a second look at the input ({@link #secondLook},
 * {@link #addSecondLook}): a cited node (its class, content, claimant: what a rule that
 * follows the link reads) and a reified statement about a shared or cited node (its class
 * and {@code rdf:predicate}, which a shared node's provenance rule reads).
 * Pass two ({@link #article}) validates each article's own nodes ({@link ArticleScope}) over
 * the article's graph, the shared graphs, the projection and the cited nodes, on a small
 * pool; {@link #finish} then validates the shared nodes once, over the same minus the
 * article. Each focus node is checked once, by one of the two, and located where the union
 * would locate it.
 * <p>
 * That is the union's answer for a rule when what it reads from an article's node stays in
 * that article, goes to shared nodes or one step into a node it cites, and what it reads
 * from a shared node is the shared graphs' or one step into the articles (docs/validation.md,
 * "Validation per article"). Pass one finds out whether the data has psikg's layout
 * ({@link #partitionable}): an article's graph describes only its own nodes and shared ones
 * (it may point at another article's), no blank node in two graphs; if not, validate over
 * the union instead.
 * <pre>
 * PerArticle run = new PerArticle(engine, shapesGraph, 2);
 * dataset.find().forEachRemaining(run::add);
 * run.secondLook().forEach(n -&gt; dataset.find(Node.ANY, n, Node.ANY, Node.ANY).forEachRemaining(run::addSecondLook));
 * if (run.partitionable()) {
 *     run.startArticles(Progress.none());
 *     run.article("news", dataset.getGraph(PsikgIris.graph("news")));
 *     List&lt;PerArticle.Found&gt; found = run.finish();
 * }
 * </pre>
 */
public final class PerArticle {
    /** A result with where the union's {@link Locator} puts it ({@code null}: nowhere). */
    public record Found(ReportEntry entry, SourceLocation at) {
    }

    private static final String SHAPES = PsikgIris.BASE + "shapes#";
    private static final Node FOCUS = NodeFactory.createURI(SHAPES + "focus");
    private static final Node ARTICLE_NODES = NodeFactory.createURI(SHAPES + "ArticleNodes");
    private static final Node SHARED_NODES = NodeFactory.createURI(SHAPES + "SharedNodes");

    private final BatchedSparql engine;
    private final Graph shapesGraph;
    private final int threads;
    private final Graph shared = GraphFactory.createDefaultGraph();
    private final Graph projection = GraphFactory.createDefaultGraph();
    private final Map<Node, String> articleBlanks = new HashMap<>();
    private final Set<Node> sharedBlanks = new HashSet<>();
    private final Set<Node> secondLook = new HashSet<>();
    private boolean partitionable = true;
    private Graph sharedWithProjection;
    private Graph hierarchy;
    private ExecutorService pool;
    private Semaphore inFlight;
    private final List<Future<List<Found>>> pending = new ArrayList<>();
    private final Locator sharedSources = new Locator();
    private final Set<String> articles = new HashSet<>();
    private Progress progress = Progress.none();

    /** @param shapesGraph the shapes, whose {@code psish:focus} says which nodes a shape's targets reach (both when it does not say) */
    public PerArticle(BatchedSparql engine, Graph shapesGraph, int threads) {
        this.engine = engine;
        this.shapesGraph = shapesGraph;
        this.threads = Math.max(1, threads);
    }

    /** Pass one: a quad of the input, in any order. */
    public void add(Quad q) {
        String article = ArticleScope.articleOfGraph(q.getGraph());
        Triple t = q.asTriple();
        if (article == null) {
            shared.add(t);
            checkShared(t.getSubject(), false);
            checkShared(t.getObject(), true);
            return;
        }
        articles.add(article);
        checkArticle(t.getSubject(), article, false);
        checkArticle(t.getObject(), article, true);
        // The article's own node is named by the metadata graph, whose shapes read its class.
        boolean articleClass = t.getPredicate().equals(RDF.type.asNode()) && t.getSubject().equals(PsikgIris.article(article));
        if (!own(t.getSubject(), article) || articleClass || !t.getPredicate().equals(RDF.type.asNode()) && referenced(t.getObject(), article)) {
            projection.add(t);
        }
        if (t.getPredicate().equals(RDF.subject.asNode()) && !own(t.getObject(), article)) {
            secondLook.add(t.getSubject());
        }
    }

    /**
     * Whether a reference to this node is one the other passes read: a registry entity (used
     * entities, disagreements between articles) or another article's node (a symmetric link
     * read from the cited side). Ontology terms are left out: the ontology graph describes
     * them, and no rule of a shared node looks for the articles that point at one.
     */
    private static boolean referenced(Node o, String article) {
        if (!o.isURI()) {
            return false;
        }
        String owner = ArticleScope.articleOf(o);
        return owner != null ? !owner.equals(article) : o.getURI().startsWith(PsikgIris.ID);
    }

    /**
     * The nodes whose triples {@link #addSecondLook} wants, known once pass one is over: the
     * other articles' nodes that articles cite, and the statements about shared or cited nodes.
     */
    public Set<Node> secondLook() {
        return Collections.unmodifiableSet(secondLook);
    }

    /** After pass one, before {@link #startArticles}: a quad of the input, kept when its subject is one of {@link #secondLook}. */
    public void addSecondLook(Quad q) {
        if (secondLook.contains(q.getSubject())) {
            projection.add(q.asTriple());
        }
    }

    /** Whether the data has psikg's layout, so that validating per article gives the union's results. */
    public boolean partitionable() {
        return partitionable;
    }

    /** The number of article graphs pass one has seen. */
    public int articles() {
        return articles.size();
    }

    /** Ends pass one and starts the pool of pass two, which advances {@code progress} by one per article validated. */
    public void startArticles(Progress progress) {
        this.progress = progress;
        projection.find().forEach(shared::add);
        projection.clear();
        sharedWithProjection = shared;
        hierarchy = GraphFactory.createDefaultGraph();
        shared.find(Node.ANY, RDFS.subClassOf.asNode(), Node.ANY).forEach(hierarchy::add);
        sharedSources.absorb(new Locator(shared), n -> true);
        pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "psikg-validate");
            t.setDaemon(true);
            return t;
        });
        inFlight = new Semaphore(2 * threads);
    }

    /** Pass two: an article's whole graph, validated on the pool (this blocks while the pool is full). */
    public void article(String article, Graph graph) {
        inFlight.acquireUninterruptibly();
        pending.add(pool.submit(() -> {
            try {
                return validateArticle(article, graph);
            } finally {
                inFlight.release();
                progress.advance(1);
            }
        }));
    }

    /** The results of every article and of the shared nodes, in no particular order. */
    public List<Found> finish() {
        List<Found> found = new ArrayList<>();
        try {
            for (Future<List<Found>> f : pending) {
                found.addAll(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        Predicate<Node> sharedNode = this::isShared;
        for (ReportEntry e : engine.validate(sharedWithProjection, sharedWithProjection, sharedNode, reaching(SHARED_NODES))) {
            found.add(new Found(e, locate(sharedSources, e)));
        }
        return Collections.unmodifiableList(found);
    }

    private List<Found> validateArticle(String article, Graph graph) {
        Graph data = new MultiUnion(new Graph[] {graph, sharedWithProjection});
        Graph targets = new MultiUnion(new Graph[] {graph, hierarchy});
        Predicate<Node> mine = n -> own(n, article);
        Locator sources = new Locator(graph);
        List<Found> found = new ArrayList<>();
        for (ReportEntry e : engine.validate(data, targets, mine, reaching(ARTICLE_NODES))) {
            found.add(new Found(e, locate(sources, e)));
        }
        sharedSources.absorb(sources, this::isShared);
        return found;
    }

    /** The shapes whose targets reach nodes of this kind: a shape that does not say is run for both. */
    private Predicate<Node> reaching(Node kind) {
        return shape -> !shapesGraph.contains(shape, FOCUS, Node.ANY) || shapesGraph.contains(shape, FOCUS, kind);
    }

    private static SourceLocation locate(Locator sources, ReportEntry e) {
        Node predicate = e.resultPath() instanceof P_Link link ? link.getNode() : null;
        return sources.locate(e.focusNode(), predicate, e.value()).orElse(null);
    }

    private boolean own(Node n, String article) {
        return n.isBlank() ? article.equals(articleBlanks.get(n)) : article.equals(ArticleScope.articleOf(n));
    }

    private boolean isShared(Node n) {
        return n.isBlank() ? !articleBlanks.containsKey(n) : ArticleScope.articleOf(n) == null;
    }

    /** An article's graph describes its own nodes and shared ones; it may point at (cite) another article's. */
    private void checkArticle(Node n, String article, boolean object) {
        if (n.isBlank()) {
            String before = articleBlanks.putIfAbsent(n, article);
            partitionable &= (before == null || before.equals(article)) && !sharedBlanks.contains(n);
        } else {
            String owner = ArticleScope.articleOf(n);
            if (owner != null && !owner.equals(article)) {
                partitionable &= object;
                secondLook.add(n);
            }
        }
    }

    /** A shared graph may name an article (the metadata does), but not describe an article's node. */
    private void checkShared(Node n, boolean object) {
        if (n.isBlank()) {
            sharedBlanks.add(n);
            partitionable &= !articleBlanks.containsKey(n);
        } else {
            partitionable &= object || ArticleScope.articleOf(n) == null;
        }
    }
}
