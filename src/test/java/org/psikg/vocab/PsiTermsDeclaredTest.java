package org.psikg.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.Test;
import org.psikg.rdf.Ontology;
import org.psikg.support.SeedBuild;

/**
 * Every psi: term that the code, shapes, queries and built data use is declared in the
 * ontology: a typo anywhere becomes a failing test, not a silently empty query.
 */
class PsiTermsDeclaredTest {
    private static final Pattern PREFIXED = Pattern.compile("\\bpsi:([A-Za-z_][A-Za-z0-9_-]*)");
    private static final Pattern FULL = Pattern.compile(Pattern.quote(PSI.NS) + "([A-Za-z_][A-Za-z0-9_-]*)");
    private static final Pattern IN_JAVA = Pattern.compile("PSI\\.term\\(\"([A-Za-z_][A-Za-z0-9_]*)\"\\)");

    private final Ontology ontology = Ontology.load(Path.of("ontology/psikg.ttl"), "ontology/psikg.ttl");

    @Test
    void termsInSourcesShapesAndQueries() throws IOException {
        Set<String> undeclared = new TreeSet<>();
        for (String root : new String[] {"src/main", "shapes", "queries", "src/test/resources/queries"}) {
            Path dir = Path.of(root);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(p -> p.toString().matches(".*\\.(java|ttl|rq|shacl)$")).toList()) {
                    String text = Files.readString(f);
                    for (Pattern p : new Pattern[] {PREFIXED, FULL, IN_JAVA}) {
                        Matcher m = p.matcher(text);
                        while (m.find()) {
                            if (!ontology.declares(NodeFactory.createURI(PSI.NS + m.group(1)))) {
                                undeclared.add(f + ": psi:" + m.group(1));
                            }
                        }
                    }
                }
            }
        }
        assertEquals(Set.of(), undeclared);
    }

    @Test
    void termsInTheBuiltData() {
        Set<String> used = new TreeSet<>();
        SeedBuild.dataset().find().forEachRemaining(q -> {
            for (Node n : new Node[] {q.getSubject(), q.getPredicate(), q.getObject()}) {
                if (n.isURI() && n.getURI().startsWith(PSI.NS) && !n.getURI().equals(PSI.NS)) {
                    used.add(n.getURI());
                }
            }
        });
        assertFalse(used.isEmpty());
        Set<String> undeclared = new TreeSet<>();
        used.stream().filter(u -> !ontology.declares(NodeFactory.createURI(u))).forEach(undeclared::add);
        assertEquals(Set.of(), undeclared);
    }
}
