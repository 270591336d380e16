package org.psikg.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.VLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.psikg.rdf.KnowledgeGraph;
import org.psikg.rdf.RdfFiles;
import org.psikg.validate.internal.ArticleScope;

/**
 * Every shape with targets says which nodes they reach ({@code psish:focus}: article nodes,
 * shared nodes or both), which validation per article relies on to run it in the right pass;
 * a new shape without it fails here, and so does one whose targets reach, in the seeds, a
 * kind of node it does not declare.
 */
class ShapeScopeTest {
    static final String PSISH = "https://w3id.org/psikg/shapes#";
    static final Node FOCUS = NodeFactory.createURI(PSISH + "focus");
    static Graph shapesGraph;
    static Shapes shapes;

    @BeforeAll
    static void load() {
        shapesGraph = GraphFactory.createDefaultGraph();
        for (String f : List.of("owl-rl.ttl", "psikg-rules.ttl", "psikg-shapes.ttl")) {
            RdfFiles.graph(Path.of("shapes", f)).find().forEach(shapesGraph::add);
        }
        shapes = Shapes.parse(shapesGraph);
    }

    @Test
    void everyTargetedShapeSaysWhatItsTargetsReach() {
        List<String> unclassified = new ArrayList<>();
        for (Shape s : shapes.getTargetShapes()) {
            if (!shapesGraph.contains(s.getShapeNode(), FOCUS, Node.ANY)) {
                unclassified.add(s.getShapeNode().toString());
            }
        }
        assertEquals(List.of(), unclassified);
        assertEquals(178, shapes.getTargetShapes().size(), "the shapes counted in docs/validation.md");
    }

    @Test
    void inTheSeedsNoShapeReachesANodeItDoesNotDeclare() {
        Graph union = GraphFactory.createDefaultGraph();
        KnowledgeGraph.build(Path.of("seeds"), Path.of("ontology/psikg.ttl")).dataset().find()
                .forEachRemaining(q -> union.add(q.asTriple()));
        List<String> wrong = new ArrayList<>();
        for (Shape s : shapes.getTargetShapes()) {
            for (Node focus : VLib.focusNodes(union, s)) {
                Node kind = NodeFactory.createURI(PSISH + (ArticleScope.articleOf(focus) != null ? "ArticleNodes" : "SharedNodes"));
                if (!shapesGraph.contains(s.getShapeNode(), FOCUS, kind)) {
                    wrong.add(s.getShapeNode() + " reaches " + focus);
                }
            }
        }
        assertEquals(List.of(), wrong.stream().distinct().limit(20).toList());
    }
}
