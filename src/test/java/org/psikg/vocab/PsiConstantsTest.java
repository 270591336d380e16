package org.psikg.vocab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.apache.jena.graph.Node;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.psikg.rdf.Ontology;

/** Every constant of {@link PSI} is a term that ontology/psikg.ttl declares. */
class PsiConstantsTest {

    @TestFactory
    Stream<DynamicTest> everyConstantIsDeclared() {
        Ontology ontology = Ontology.load(Path.of("ontology/psikg.ttl"), "ontology/psikg.ttl");
        return Arrays.stream(PSI.class.getFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == Node.class)
                .map(f -> DynamicTest.dynamicTest(f.getName(), () -> assertTrue(ontology.declares(value(f)),
                        value(f) + " is not declared in the ontology")));
    }

    private static Node value(Field f) {
        try {
            return (Node) f.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
