package org.psikg.rdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDF;
import org.psikg.corpus.Article;
import org.psikg.corpus.Coverage;
import org.psikg.corpus.Entity;
import org.psikg.corpus.Registry;
import org.psikg.vocab.PSI;
import org.psikg.vocab.PsikgIris;

/**
 * The coverage report of {@code psikg stats}: per article and in total, content sentences,
 * sentences with an annotation and with a statement, annotations, statements, statistics,
 * and the distinct registry entities each refers to, by type; and the registry entities that
 * no article refers to.
 * <pre>
 * CorpusStats stats = CorpusStats.of(KnowledgeGraph.build(seeds, ontology));
 * </pre>
 */
public record CorpusStats(List<Row> articles, Row total, Set<String> unusedEntities) {

    /** One line of the report; {@code entities} counts distinct entities by registry type. */
    public record Row(String article, int contentSentences, int annotatedSentences, double annotatedPercent,
                      int statementSentences, double statementPercent, int annotations, int statements,
                      int statistics, int distinctEntities, Map<String, Integer> entities) {
    }

    public static CorpusStats of(KnowledgeGraph kg) {
        Registry registry = kg.corpus().registry();
        List<Row> rows = new ArrayList<>();
        Set<String> allEntities = new TreeSet<>();
        int[] sums = new int[6];
        for (Article a : kg.corpus().articles()) {
            Coverage c = Coverage.of(a);
            Graph g = kg.dataset().getGraph(PsikgIris.graph(a.id()));
            Set<String> entities = entitiesIn(g, registry);
            allEntities.addAll(entities);
            int statements = g.find(Node.ANY, RDF.type.asNode(), RDF.Statement.asNode()).toList().size();
            int statistics = g.find(Node.ANY, RDF.type.asNode(), PSI.term("Statistic")).toList().size();
            rows.add(new Row(a.id(), c.sentences().size(), c.annotated(), c.annotatedPercent(), c.withStatement(),
                    c.withStatementPercent(), a.annotations().size(), statements, statistics, entities.size(),
                    byType(entities, registry)));
            int[] add = {c.sentences().size(), c.annotated(), c.withStatement(), a.annotations().size(), statements, statistics};
            for (int i = 0; i < sums.length; i++) {
                sums[i] += add[i];
            }
        }
        Row total = new Row("total", sums[0], sums[1], pct(sums[1], sums[0]), sums[2], pct(sums[2], sums[0]), sums[3],
                sums[4], sums[5], allEntities.size(), byType(allEntities, registry));
        Set<String> unused = new TreeSet<>(registry.entities().keySet());
        unused.removeAll(allEntities);
        return new CorpusStats(List.copyOf(rows), total, unused);
    }

    private static Set<String> entitiesIn(Graph g, Registry registry) {
        Set<String> keys = new TreeSet<>();
        g.find().forEach(t -> {
            for (Node n : new Node[] {t.getSubject(), t.getObject()}) {
                if (n.isURI() && n.getURI().startsWith(PsikgIris.ID) && registry.contains(n.getURI().substring(PsikgIris.ID.length()))) {
                    keys.add(n.getURI().substring(PsikgIris.ID.length()));
                }
            }
        });
        return keys;
    }

    private static Map<String, Integer> byType(Set<String> keys, Registry registry) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String k : keys) {
            Entity e = registry.get(k).orElseThrow();
            counts.merge(e.types().get(0).text(), 1, Integer::sum);
        }
        return counts;
    }

    private static double pct(int n, int of) {
        return of == 0 ? 0 : Math.round(1000.0 * n / of) / 10.0;
    }
}
