package org.psikg.server;

import java.util.Iterator;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;

/**
 * Counts the bytes of an answer as it is collected (the characters of its IRIs, literals
 * and names: what any result format must write at least), and stops the query with
 * {@link QueryLimitException} once they pass the bound. The row cap alone lets 3,000 rows
 * of a computed 44 kB literal make 141 MB.
 * <pre>
 * AnswerSize size = new AnswerSize(32 &lt;&lt; 20);
 * size.add(binding);   // throws past the bound
 * </pre>
 */
final class AnswerSize {
    private final long max;
    private long bytes;

    AnswerSize(long max) {
        this.max = max;
    }

    void add(Binding b) {
        for (Iterator<Var> vars = b.vars(); vars.hasNext();) {
            Var v = vars.next();
            add(v.getVarName().length() + bytes(b.get(v)));
        }
    }

    void add(Triple t) {
        add(bytes(t.getSubject()) + bytes(t.getPredicate()) + bytes(t.getObject()));
    }

    void add(Quad q) {
        add(bytes(q.getGraph()) + bytes(q.getSubject()) + bytes(q.getPredicate()) + bytes(q.getObject()));
    }

    private void add(long n) {
        bytes += n;
        if (bytes > max) {
            throw new QueryLimitException("answer too large: more than " + max + " bytes of values, the most one answer"
                    + " may have on this endpoint; select fewer or shorter values, or page with LIMIT and OFFSET");
        }
    }

    private static long bytes(Node n) {
        if (n == null) {
            return 0;
        }
        if (n.isURI()) {
            return n.getURI().length();
        }
        if (n.isLiteral()) {
            return n.getLiteralLexicalForm().length() + n.getLiteralDatatypeURI().length() + n.getLiteralLanguage().length();
        }
        if (n.isBlank()) {
            return n.getBlankNodeLabel().length();
        }
        if (n.isTripleTerm()) {
            Triple t = n.getTriple();
            return bytes(t.getSubject()) + bytes(t.getPredicate()) + bytes(t.getObject());
        }
        return 1;
    }
}
