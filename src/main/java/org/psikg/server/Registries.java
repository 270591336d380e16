package org.psikg.server;

import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.function.FunctionFactory;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.pfunction.PropertyFunctionFactory;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.sparql.util.Context;
import org.psikg.search.TextSearchFunction;

/**
 * The function and property-function registries of the served queries: the XSD casts and
 * psikg's bounded REGEX and REPLACE, and of the property functions only psikg's own
 * ({@link TextSearchFunction#FUNCTIONS}: the text search {@code psifn:search}). ARQ's own registries
 * hold its whole library and load any class named by a {@code java:} IRI; the gate
 * ({@link QueryGuard}) refuses those by name, and these registries make sure that nothing
 * it missed reaches them: a function they do not hold is unbound (an error for that
 * solution), a predicate is a predicate ({@code rdfs:member} is matched as written, not as
 * container membership).
 * The property-function registry also carries the query's deadline into property paths: see
 * {@link PathClock}.
 * <pre>
 * Registries.restrict(context);   // the context of a QueryExec
 * </pre>
 */
final class Registries {
    private static final FunctionRegistry FUNCTIONS = functions();
    private static final PropertyFunctionRegistry PROPERTY_FUNCTIONS = new PathClock(TextSearchFunction.registry());

    private Registries() {
    }

    /** Puts the restricted registries into {@code context}. */
    static void restrict(Context context) {
        context.set(ARQConstants.registryFunctions, FUNCTIONS);
        context.set(ARQConstants.registryPropertyFunctions, PROPERTY_FUNCTIONS);
    }

    private static FunctionRegistry functions() {
        FunctionRegistry all = FunctionRegistry.get(ARQ.getContext());
        FunctionRegistry only = new ClosedFunctions();
        for (String iri : QueryGuard.ALLOWED_FUNCTIONS) {
            only.put(iri, all.getFunctionFactory(iri));
        }
        only.put(BoundedRegex.REGEX, BoundedRegex.Regex.class);
        only.put(BoundedRegex.REPLACE, BoundedRegex.Replace.class);
        return only;
    }

    /** Holds what was put in it, and loads nothing by name. */
    private static final class ClosedFunctions extends FunctionRegistry {
        @Override
        public FunctionFactory getFunctionFactory(String uri) {
            return isRegistered(uri) ? super.getFunctionFactory(uri) : null;
        }
    }

    /**
     * The property functions, asked about every step of a property path: ARQ's path engine
     * looks up each named predicate it follows in this registry (in case it is a property
     * function) before it reads the graph, for every node a {@code *} or {@code +} path
     * reaches. So this is where such a path looks at the query's deadline
     * ({@link QueryBudget#checkDeadline}) between its steps, not only between the solutions
     * it makes, which for {@code <a> <p>* ?x} come only once the whole closure is known. A
     * negated step ({@code !<p>}) is not looked up, so is not checked: each is one read of a
     * node's links.
     */
    private static final class PathClock extends PropertyFunctionRegistry {
        private final PropertyFunctionRegistry functions;

        PathClock(PropertyFunctionRegistry functions) {
            this.functions = functions;
        }

        @Override
        public PropertyFunctionFactory get(String uri) {
            QueryBudget.checkDeadline();
            return functions.get(uri);
        }

        @Override
        public boolean manages(String uri) {
            return functions.manages(uri);
        }

        @Override
        public boolean isRegistered(String uri) {
            return functions.isRegistered(uri);
        }
    }
}
