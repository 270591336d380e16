package org.psikg.server;

import java.util.Optional;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.function.scripting.ScriptFunction;

/**
 * Says what in a query the server refuses before running it: SERVICE (a federated query
 * would make the server a proxy to any address, loopback included) unless allowed, and
 * script functions (JavaScript and friends run inside the server) always. It walks the
 * algebra, expressions and EXISTS patterns included. ARQ's own switches are also set (see
 * {@link QueryService}); this check makes the refusal a 400 with a reason, before any work.
 * <pre>
 * QueryGuard.refusal(query, false)   // Optional["SERVICE (federated query) is not allowed on this endpoint"]
 * </pre>
 */
public final class QueryGuard {
    static final String TOO_DEEP = "query nested too deeply for this endpoint (stack overflow); write it flatter";

    private QueryGuard() {
    }

    /** Why the query is refused, or empty if it may run. */
    public static Optional<String> refusal(Query query, boolean allowService) {
        Op op;
        try {
            op = Algebra.compile(query);
        } catch (RuntimeException e) {
            // DESCRIBE without WHERE has no pattern, so nothing to refuse.
            return Optional.empty();
        } catch (StackOverflowError e) {
            return Optional.of(TOO_DEEP);
        }
        String[] reason = new String[1];
        ExprVisitorBase exprs = new ExprVisitorBase() {
            @Override
            public void visit(ExprFunctionN func) {
                if (func instanceof E_Function f && ScriptFunction.isScriptFunction(f.getFunctionIRI()) && reason[0] == null) {
                    reason[0] = "script functions are not allowed on this endpoint: <" + f.getFunctionIRI() + ">";
                }
            }
        };
        OpVisitorBase ops = new OpVisitorBase() {
            @Override
            public void visit(OpService opService) {
                if (!allowService && reason[0] == null) {
                    reason[0] = "SERVICE (federated query) is not allowed on this endpoint";
                }
            }

            // The walker does not go into sort keys or aggregates: these may call functions too.
            @Override
            public void visit(OpOrder opOrder) {
                opOrder.getConditions().forEach(c -> Walker.walk(c.getExpression(), this, exprs));
            }

            @Override
            public void visit(OpGroup opGroup) {
                opGroup.getAggregators().forEach(a -> {
                    if (a.getAggregator().getExprList() != null) {
                        a.getAggregator().getExprList().forEach(e -> Walker.walk(e, this, exprs));
                    }
                });
            }
        };
        try {
            Walker.walk(op, ops, exprs);
        } catch (StackOverflowError e) {
            return Optional.of(TOO_DEEP);
        }
        return Optional.ofNullable(reason[0]);
    }
}
