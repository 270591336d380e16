package org.psikg.server;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.SortCondition;
import org.apache.jena.sparql.core.TriplePath;
import org.apache.jena.sparql.core.VarExprList;
import org.apache.jena.sparql.expr.E_Call;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprFunction;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.aggregate.AggAvg;
import org.apache.jena.sparql.expr.aggregate.AggAvgDistinct;
import org.apache.jena.sparql.expr.aggregate.AggCount;
import org.apache.jena.sparql.expr.aggregate.AggCountDistinct;
import org.apache.jena.sparql.expr.aggregate.AggCountVar;
import org.apache.jena.sparql.expr.aggregate.AggCountVarDistinct;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcat;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcatDistinct;
import org.apache.jena.sparql.expr.aggregate.AggMax;
import org.apache.jena.sparql.expr.aggregate.AggMaxDistinct;
import org.apache.jena.sparql.expr.aggregate.AggMin;
import org.apache.jena.sparql.expr.aggregate.AggMinDistinct;
import org.apache.jena.sparql.expr.aggregate.AggSample;
import org.apache.jena.sparql.expr.aggregate.AggSampleDistinct;
import org.apache.jena.sparql.expr.aggregate.AggSum;
import org.apache.jena.sparql.expr.aggregate.AggSumDistinct;
import org.apache.jena.sparql.expr.aggregate.Aggregator;
import org.apache.jena.sparql.function.scripting.ScriptFunction;
import org.apache.jena.sparql.path.P_FixedLength;
import org.apache.jena.sparql.path.P_Mod;
import org.apache.jena.sparql.path.P_NegPropSet;
import org.apache.jena.sparql.path.P_Path0;
import org.apache.jena.sparql.path.P_Path1;
import org.apache.jena.sparql.path.P_Path2;
import org.apache.jena.sparql.path.Path;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.Element1;
import org.apache.jena.sparql.syntax.ElementAssign;
import org.apache.jena.sparql.syntax.ElementBind;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementDataset;
import org.apache.jena.sparql.syntax.ElementExists;
import org.apache.jena.sparql.syntax.ElementFilter;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementMinus;
import org.apache.jena.sparql.syntax.ElementNamedGraph;
import org.apache.jena.sparql.syntax.ElementNotExists;
import org.apache.jena.sparql.syntax.ElementOptional;
import org.apache.jena.sparql.syntax.ElementPathBlock;
import org.apache.jena.sparql.syntax.ElementService;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.ElementTriplesBlock;
import org.apache.jena.sparql.syntax.ElementUnfold;
import org.apache.jena.sparql.syntax.ElementUnion;

/**
 * The query gate: what the server refuses before running a query, each with a 400 that
 * names the rule. It walks the parsed query (patterns, expressions, aggregates, sort keys,
 * EXISTS, sub-queries, paths, VALUES) once, before the optimiser sees it, and refuses
 * <ul>
 * <li>SERVICE unless allowed (a federated query makes the server a proxy to any address);</li>
 * <li>any function called by IRI that is not one of SPARQL 1.1's XSD casts: ARQ's library
 *     ({@code afn:}, {@code fn:} duplicates of the built-ins, {@code java:} class names),
 *     script functions, {@code CALL}; the built-in keywords are all allowed;</li>
 * <li>aggregates other than SPARQL 1.1's, and property functions ({@code apf:strSplit}...);</li>
 * <li>the JSON query form;</li>
 * <li>a query of more than {@link QueryLimits#maxQuerySize()} parts, EXISTS and sub-queries
 *     nested deeper than {@link QueryLimits#maxNesting()} (the optimiser's work grows
 *     exponentially with it), counted paths longer than {@link QueryLimits#maxCountedPath()},
 *     VALUES with more than {@link QueryLimits#maxValues()} values.</li>
 * </ul>
 * The function and property-function registries of the served dataset hold only what is
 * allowed too ({@link Registries}), so nothing reaches ARQ's library by another route.
 * <pre>
 * QueryGuard.refusal(query, QueryLimits.defaults(), false)   // Optional["SERVICE (federated query) is not allowed on this endpoint"]
 * </pre>
 */
public final class QueryGuard {
    static final String TOO_DEEP = "query nested too deeply for this endpoint (stack overflow); write it flatter";

    /** SPARQL 1.1's constructor functions (17.5), the only functions called by IRI that a query may use. */
    static final Set<String> ALLOWED_FUNCTIONS = Set.of(XSDDatatype.XSDstring.getURI(), XSDDatatype.XSDboolean.getURI(),
            XSDDatatype.XSDinteger.getURI(), XSDDatatype.XSDdecimal.getURI(), XSDDatatype.XSDfloat.getURI(),
            XSDDatatype.XSDdouble.getURI(), XSDDatatype.XSDdateTime.getURI());

    private static final Set<Class<? extends Aggregator>> ALLOWED_AGGREGATES = Set.of(AggCount.class,
            AggCountDistinct.class, AggCountVar.class, AggCountVarDistinct.class, AggSum.class, AggSumDistinct.class,
            AggMin.class, AggMinDistinct.class, AggMax.class, AggMaxDistinct.class, AggAvg.class, AggAvgDistinct.class,
            AggSample.class, AggSampleDistinct.class, AggGroupConcat.class, AggGroupConcatDistinct.class,
            BoundedStrings.GroupConcat.class, BoundedStrings.GroupConcatDistinct.class);

    private QueryGuard() {
    }

    /** Why the query is refused, or empty if it may run. */
    public static Optional<String> refusal(Query query, QueryLimits limits, boolean allowService) {
        if (query.isJsonType()) {
            return Optional.of("the JSON query form is not available on this endpoint; use SELECT with JSON results");
        }
        Walk walk = new Walk(limits, allowService);
        try {
            walk.query(query, 0);
        } catch (Refused r) {
            return Optional.of(r.getMessage());
        } catch (StackOverflowError e) {
            return Optional.of(TOO_DEEP);
        }
        return Optional.empty();
    }

    /** Thrown inside the walk to stop at the first rule broken. */
    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private static final class Walk {
        private final QueryLimits limits;
        private final boolean allowService;
        private final PropertyFunctionRegistry propertyFunctions = PropertyFunctionRegistry.get();
        private int size;
        private long values;

        Walk(QueryLimits limits, boolean allowService) {
            this.limits = limits;
            this.allowService = allowService;
        }

        private void count() {
            if (++size > limits.maxQuerySize()) {
                throw new Refused("query too large: more than " + limits.maxQuerySize()
                        + " parts (patterns, triples, path steps, expressions) on this endpoint; split it");
            }
        }

        private void nested(int depth) {
            if (depth > limits.maxNesting()) {
                throw new Refused("EXISTS, NOT EXISTS and sub-queries nest more than " + limits.maxNesting()
                        + " levels deep; this endpoint allows at most " + limits.maxNesting());
            }
        }

        void query(Query q, int depth) {
            count();
            if (q.isJsonType()) {
                throw new Refused("the JSON query form is not available on this endpoint");
            }
            if (q.getQueryPattern() != null) {
                element(q.getQueryPattern(), depth);
            }
            if (q.hasValues()) {
                values(q.getValuesVariables().size(), q.getValuesData().size());
            }
            exprs(q.getProject(), depth);
            if (q.hasGroupBy()) {
                exprs(q.getGroupBy(), depth);
            }
            if (q.hasHaving()) {
                q.getHavingExprs().forEach(e -> expr(e, depth));
            }
            if (q.hasOrderBy()) {
                for (SortCondition c : q.getOrderBy()) {
                    expr(c.getExpression(), depth);
                }
            }
            for (ExprAggregator a : q.getAggregators()) {
                expr(a, depth);
            }
        }

        private void exprs(VarExprList list, int depth) {
            list.getExprs().values().forEach(e -> expr(e, depth));
        }

        private void values(int vars, int rows) {
            values += (long) Math.max(1, vars) * rows;
            if (values > limits.maxValues()) {
                throw new Refused("VALUES too large: more than " + limits.maxValues()
                        + " values (rows times variables) in one query on this endpoint");
            }
        }

        void element(Element e, int depth) {
            count();
            switch (e) {
                case ElementGroup g -> g.getElements().forEach(x -> element(x, depth));
                case ElementUnion u -> u.getElements().forEach(x -> element(x, depth));
                case ElementOptional o -> element(o.getOptionalElement(), depth);
                case ElementMinus m -> element(m.getMinusElement(), depth);
                case ElementNamedGraph g -> element(g.getElement(), depth);
                case ElementService s -> {
                    if (!allowService) {
                        throw new Refused("SERVICE (federated query) is not allowed on this endpoint");
                    }
                    element(s.getElement(), depth);
                }
                case ElementSubQuery s -> {
                    nested(depth + 1);
                    query(s.getQuery(), depth + 1);
                }
                case ElementExists x -> {
                    nested(depth + 1);
                    element(x.getElement(), depth + 1);
                }
                case ElementNotExists x -> {
                    nested(depth + 1);
                    element(x.getElement(), depth + 1);
                }
                case ElementDataset d -> throw new Refused("a dataset inside a pattern is not allowed on this endpoint");
                case Element1 x -> element(x.getElement(), depth);
                case ElementFilter f -> expr(f.getExpr(), depth);
                case ElementBind b -> expr(b.getExpr(), depth);
                case ElementAssign a -> expr(a.getExpr(), depth);
                case ElementUnfold u -> expr(u.getExpr(), depth);
                case ElementData d -> values(d.getVars().size(), d.getRows().size());
                case ElementPathBlock p -> p.getPattern().forEach(this::triplePath);
                case ElementTriplesBlock t -> t.getPattern().forEach(this::triple);
                default -> throw new Refused("this kind of pattern is not allowed on this endpoint: "
                        + e.getClass().getSimpleName());
            }
        }

        private void triplePath(TriplePath tp) {
            if (tp.isTriple()) {
                triple(tp.asTriple());
            } else {
                count();
                path(tp.getPath(), 1);
            }
        }

        private void triple(Triple t) {
            count();
            predicate(t.getPredicate());
        }

        private void predicate(Node p) {
            if (p.isURI() && propertyFunctions.manages(p.getURI())) {
                throw new Refused("property functions are not allowed on this endpoint: <" + p.getURI() + ">");
            }
        }

        /** {@code counted}: the product of the counts of the counted paths this one is inside. */
        private void path(Path path, long counted) {
            count();
            switch (path) {
                case P_Mod m -> {
                    long n = m.getMax() >= 0 ? m.getMax() : Math.max(m.getMin(), 1);
                    path(m.getSubPath(), countedPath(counted, m.getMax() == P_Mod.INF ? Long.MAX_VALUE : n));
                }
                case P_FixedLength f -> path(f.getSubPath(), countedPath(counted, f.getCount()));
                case P_Path1 p -> path(p.getSubPath(), counted);
                case P_Path2 p -> {
                    path(p.getLeft(), counted);
                    path(p.getRight(), counted);
                }
                case P_NegPropSet n -> n.getNodes().forEach(x -> predicate(x.getNode()));
                case P_Path0 p -> predicate(p.getNode());
                default -> throw new Refused("this kind of property path is not allowed on this endpoint: " + path);
            }
        }

        private long countedPath(long outer, long n) {
            long product = n == Long.MAX_VALUE ? n : Math.multiplyHigh(outer, n) != 0 ? Long.MAX_VALUE : outer * n;
            if (product > limits.maxCountedPath()) {
                throw new Refused("counted property path too long: more than " + limits.maxCountedPath()
                        + " repetitions (nested counts multiplied) on this endpoint; use * or + instead");
            }
            return product;
        }

        void expr(Expr e, int depth) {
            count();
            switch (e) {
                case ExprFunctionOp x -> {
                    nested(depth + 1);
                    if (x.getElement() != null) {
                        element(x.getElement(), depth + 1);
                    }
                }
                case ExprAggregator a -> aggregate(a.getAggregator(), depth);
                case E_Call c -> throw new Refused("dynamic function calls (CALL) are not allowed on this endpoint");
                case E_Function f -> {
                    function(f.getFunctionIRI());
                    f.getArgs().forEach(x -> expr(x, depth));
                }
                case ExprFunction f -> f.getArgs().forEach(x -> expr(x, depth));
                default -> {
                    // Variables and constants.
                }
            }
        }

        private void aggregate(Aggregator a, int depth) {
            if (!ALLOWED_AGGREGATES.contains(a.getClass())) {
                throw new Refused("only SPARQL 1.1's aggregates are allowed on this endpoint, not " + a.getName());
            }
            if (a.getExprList() != null) {
                a.getExprList().forEach(x -> expr(x, depth));
            }
        }

        private static void function(String iri) {
            if (ScriptFunction.isScriptFunction(iri)) {
                throw new Refused("script functions are not allowed on this endpoint: <" + iri + ">");
            }
            if (!ALLOWED_FUNCTIONS.contains(iri)) {
                throw new Refused("function <" + iri + "> is not allowed on this endpoint: only the SPARQL 1.1"
                        + " built-ins (REGEX, REPLACE, CONCAT, ...) and the XSD casts " + allowedNames() + " are");
            }
        }

        private static String allowedNames() {
            return String.join(", ", List.of("xsd:string", "xsd:boolean", "xsd:integer", "xsd:decimal", "xsd:float",
                    "xsd:double", "xsd:dateTime"));
        }
    }
}
