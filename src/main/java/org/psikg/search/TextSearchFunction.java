package org.psikg.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.atlas.lib.Lib;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryBuildException;
import org.apache.jena.query.QueryExecException;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.pfunction.PropFuncArg;
import org.apache.jena.sparql.pfunction.PropertyFunctionBase;
import org.apache.jena.sparql.pfunction.PropertyFunctionFactory;

/**
 * The text search as a SPARQL property function, so that text hits join the graph:
 * <pre>
 * PREFIX psifn: &lt;https://w3id.org/psikg/fn#&gt;
 * SELECT ?thing ?score WHERE { (?thing ?score) psifn:search "sanctions" }
 * SELECT ?thing WHERE { ?thing psifn:search ("санкции" 5) . ?thing a psi:Event }
 * </pre>
 * The subject is the hit (an entity, an annotation or an article IRI), or a list of the hit,
 * its score (xsd:double) and its kind ("entity", "quote", "article"); the object is the
 * query text, or a list of the text and the most hits wanted (default and cap
 * {@link #MAX_HITS}). It searches the {@link TextIndex} found under {@link TextIndex#SYMBOL}
 * in the query's context (the index, or a {@code Supplier} of it); without one it is an error. {@link #FUNCTIONS} is the explicit
 * list of psikg's property functions, for the registry of the served queries.
 */
public final class TextSearchFunction extends PropertyFunctionBase {
    public static final String IRI = "https://w3id.org/psikg/fn#search";
    /** The most hits one call returns. */
    public static final int MAX_HITS = 1000;
    /** Every property function psikg defines, by IRI: the only ones its endpoint may call. */
    public static final Map<String, PropertyFunctionFactory> FUNCTIONS = Map.of(IRI, uri -> new TextSearchFunction());

    /**
     * A property-function registry that holds psikg's functions and nothing else: unlike
     * ARQ's, it loads no class named by a {@code java:} IRI and knows none of ARQ's library.
     */
    public static org.apache.jena.sparql.pfunction.PropertyFunctionRegistry registry() {
        return new OnlyPsikg();
    }

    private static final class OnlyPsikg extends org.apache.jena.sparql.pfunction.PropertyFunctionRegistry {
        @Override
        public boolean manages(String uri) {
            return FUNCTIONS.containsKey(uri);
        }

        @Override
        public PropertyFunctionFactory get(String uri) {
            return FUNCTIONS.get(uri);
        }

        @Override
        public boolean isRegistered(String uri) {
            return FUNCTIONS.containsKey(uri);
        }
    }

    @Override
    public void build(PropFuncArg subject, Node predicate, PropFuncArg object, ExecutionContext execCxt) {
        if (subject.isList() && (subject.getArgListSize() < 1 || subject.getArgListSize() > 3)) {
            throw new QueryBuildException("psifn:search: the subject is ?hit or (?hit ?score ?kind)");
        }
        if (object.isList() && (object.getArgListSize() < 1 || object.getArgListSize() > 2)) {
            throw new QueryBuildException("psifn:search: the object is \"text\" or (\"text\" limit)");
        }
    }

    @Override
    public QueryIterator exec(Binding binding, PropFuncArg subject, Node predicate, PropFuncArg object, ExecutionContext cxt) {
        Object source = cxt.getContext().get(TextIndex.SYMBOL);
        TextIndex index = source instanceof java.util.function.Supplier<?> lazy ? (TextIndex) lazy.get() : (TextIndex) source;
        if (index == null) {
            throw new QueryExecException("psifn:search: this dataset has no text index");
        }
        List<Node> args = object.isList() ? object.getArgList() : List.of(object.getArg());
        Node text = value(args.get(0), binding);
        if (text == null || !text.isLiteral()) {
            throw new QueryExecException("psifn:search: the query text must be a literal");
        }
        int limit = MAX_HITS;
        if (args.size() == 2) {
            Node n = value(args.get(1), binding);
            if (n == null || !n.isLiteral() || !(n.getLiteralValue() instanceof Number num)) {
                throw new QueryExecException("psifn:search: the limit must be a number");
            }
            limit = (int) Math.max(0, Math.min(MAX_HITS, num.longValue()));
        }
        List<Node> outs = subject.isList() ? subject.getArgList() : List.of(subject.getArg());
        List<Binding> rows = new ArrayList<>();
        for (TextIndex.Hit hit : index.search(text.getLiteralLexicalForm(), limit)) {
            Node[] values = {NodeFactory.createURI(hit.iri()),
                    NodeFactory.createLiteralDT(Double.toString(hit.score()), XSDDatatype.XSDdouble),
                    NodeFactory.createLiteralString(hit.kind().name().toLowerCase(java.util.Locale.ROOT))};
            BindingBuilder b = BindingBuilder.create(binding);
            boolean fits = true;
            for (int i = 0; i < outs.size() && fits; i++) {
                fits = bind(b, binding, outs.get(i), values[i]);
            }
            if (fits) {
                rows.add(b.build());
            }
        }
        return QueryIterPlainWrapper.create(rows.iterator(), cxt);
    }

    private static Node value(Node n, Binding binding) {
        return Var.isVar(n) ? binding.get(Var.alloc(n)) : n;
    }

    /** Binds {@code slot} to {@code value}, or checks that it already is that value. */
    private static boolean bind(BindingBuilder b, Binding binding, Node slot, Node value) {
        if (Var.isVar(slot)) {
            Var v = Var.alloc(slot);
            Node already = binding.get(v);
            if (already == null) {
                if (b.get(v) != null) {
                    return Lib.equals(b.get(v), value);
                }
                b.add(v, value);
                return true;
            }
            return already.equals(value);
        }
        return slot.equals(value);
    }
}
