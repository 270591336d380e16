package org.psikg.server;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.E_Multiply;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrConcat;
import org.apache.jena.sparql.expr.E_StrEncodeForURI;
import org.apache.jena.sparql.expr.E_StrLowerCase;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.E_StrUpperCase;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprFunction1;
import org.apache.jena.sparql.expr.ExprFunction2;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.aggregate.Accumulator;
import org.apache.jena.sparql.expr.aggregate.AccumulatorExpr;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcat;
import org.apache.jena.sparql.expr.aggregate.AggGroupConcatDistinct;
import org.apache.jena.sparql.expr.aggregate.Aggregator;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformCopyBase;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;

/**
 * The built-ins that can build large values, made to stop at {@link QueryBudget}'s bound:
 * CONCAT (one call, or a chain of BINDs, doubles a string each time), UCASE, LCASE and
 * ENCODE_FOR_URI (a bounded growth, chained the same way), GROUP_CONCAT (over a cross
 * product), and multiplication (squaring an integer doubles its digits); REGEX and REPLACE
 * become {@link BoundedRegex}'s, which also watch the deadline. Each is the ARQ built-in
 * with a check first; {@code copy} keeps the bounded kind through the optimiser's rewrites.
 * Over the bound the query stops with {@link QueryLimitException} (400), before the value is made.
 * <pre>
 * Query bounded = BoundedStrings.rewrite(query);
 * </pre>
 */
final class BoundedStrings {
    /** Digits an integer or decimal product may have, in bits: far beyond any real number. */
    static final int MAX_PRODUCT_BITS = 1 << 16;

    private BoundedStrings() {
    }

    /** The query with every such built-in bounded (a copy; the same meaning). */
    static Query rewrite(Query query) {
        return QueryTransformOps.transform(query, new ElementTransformCopyBase(), new ExprTransformCopy() {
            @Override
            public Expr transform(ExprFunction1 func, Expr arg) {
                return switch (func) {
                    case E_StrUpperCase f -> new UpperCase(arg);
                    case E_StrLowerCase f -> new LowerCase(arg);
                    case E_StrEncodeForURI f -> new EncodeForUri(arg);
                    default -> super.transform(func, arg);
                };
            }

            @Override
            public Expr transform(ExprFunction2 func, Expr arg1, Expr arg2) {
                return func instanceof E_Multiply ? new Multiply(arg1, arg2) : super.transform(func, arg1, arg2);
            }

            @Override
            public Expr transform(ExprFunctionN func, ExprList args) {
                return switch (func) {
                    case E_Regex f -> new E_Function(BoundedRegex.REGEX, args);
                    case E_StrReplace f -> new E_Function(BoundedRegex.REPLACE, args);
                    case E_StrConcat f -> new Concat(args);
                    default -> super.transform(func, args);
                };
            }

            @Override
            public Expr transform(ExprAggregator eAgg) {
                Aggregator a = eAgg.getAggregator();
                if (a instanceof AggGroupConcat g && !(a instanceof GroupConcat)) {
                    return new ExprAggregator(eAgg.getVar(), new GroupConcat(g.getExprList().get(0), g.getSeparator()));
                }
                if (a instanceof AggGroupConcatDistinct g && !(a instanceof GroupConcatDistinct)) {
                    return new ExprAggregator(eAgg.getVar(), new GroupConcatDistinct(g.getExprList().get(0), g.getSeparator()));
                }
                return super.transform(eAgg);
            }
        });
    }

    private static long length(NodeValue v) {
        return v.isLiteral() ? v.getNode().getLiteralLexicalForm().length() : 0;
    }

    static final class Concat extends E_StrConcat {
        Concat(ExprList args) {
            super(args);
        }

        @Override
        public Expr copy(ExprList newArgs) {
            return new Concat(newArgs);
        }

        @Override
        public NodeValue eval(List<NodeValue> args) {
            long n = 0;
            for (NodeValue v : args) {
                n += length(v);
            }
            QueryBudget.checkLength(n, "CONCAT");
            return super.eval(args);
        }
    }

    static final class UpperCase extends E_StrUpperCase {
        UpperCase(Expr expr) {
            super(expr);
        }

        @Override
        public Expr copy(Expr expr) {
            return new UpperCase(expr);
        }

        @Override
        public NodeValue eval(NodeValue v) {
            // Case mapping may lengthen a string (ß to SS): at most 3 times.
            QueryBudget.checkLength(3 * length(v), "UCASE");
            return super.eval(v);
        }
    }

    static final class LowerCase extends E_StrLowerCase {
        LowerCase(Expr expr) {
            super(expr);
        }

        @Override
        public Expr copy(Expr expr) {
            return new LowerCase(expr);
        }

        @Override
        public NodeValue eval(NodeValue v) {
            QueryBudget.checkLength(3 * length(v), "LCASE");
            return super.eval(v);
        }
    }

    static final class EncodeForUri extends E_StrEncodeForURI {
        EncodeForUri(Expr expr) {
            super(expr);
        }

        @Override
        public Expr copy(Expr expr) {
            return new EncodeForUri(expr);
        }

        @Override
        public NodeValue eval(NodeValue v) {
            // A UTF-16 unit becomes at most 3 UTF-8 bytes, each %XX.
            QueryBudget.checkLength(9 * length(v), "ENCODE_FOR_URI");
            return super.eval(v);
        }
    }

    static final class Multiply extends E_Multiply {
        Multiply(Expr left, Expr right) {
            super(left, right);
        }

        @Override
        public Expr copy(Expr e1, Expr e2) {
            return new Multiply(e1, e2);
        }

        @Override
        public NodeValue eval(NodeValue x, NodeValue y) {
            if (bits(x) + bits(y) > MAX_PRODUCT_BITS) {
                throw new QueryLimitException("a product of more than " + MAX_PRODUCT_BITS
                        + " bits, the largest number a query may build on this endpoint");
            }
            return super.eval(x, y);
        }

        private static long bits(NodeValue v) {
            if (v.isInteger()) {
                return v.getInteger().bitLength();
            }
            if (v.isDecimal()) {
                BigDecimal d = v.getDecimal();
                return d.unscaledValue().bitLength() + (long) Math.abs(d.scale()) * 4;
            }
            return BigInteger.ONE.bitLength();
        }
    }

    /** GROUP_CONCAT that stops at the bound as it grows. */
    static final class GroupConcat extends AggGroupConcat {
        GroupConcat(Expr expr, String separator) {
            super(expr, separator);
        }

        @Override
        public Aggregator copy(ExprList exprs) {
            return new GroupConcat(exprs.get(0), getSeparator());
        }

        @Override
        public Accumulator createAccumulator() {
            return new Acc(getExpr(), getSeparator(), false);
        }
    }

    static final class GroupConcatDistinct extends AggGroupConcatDistinct {
        GroupConcatDistinct(Expr expr, String separator) {
            super(expr, separator);
        }

        @Override
        public Aggregator copy(ExprList exprs) {
            return new GroupConcatDistinct(exprs.get(0), getSeparator());
        }

        @Override
        public Accumulator createAccumulator() {
            return new Acc(getExpr(), getSeparator(), true);
        }
    }

    private static final class Acc extends AccumulatorExpr {
        private final StringBuilder soFar = new StringBuilder();
        private final String separator;
        private boolean first = true;

        Acc(Expr expr, String separator, boolean distinct) {
            super(expr, distinct);
            // SPARQL's default separator, a space.
            this.separator = separator == null ? " " : separator;
        }

        @Override
        protected void accumulate(NodeValue nv, Binding binding, FunctionEnv env) {
            String s = nv.asString();
            QueryBudget.checkLength((long) soFar.length() + (first ? 0 : separator.length()) + s.length(), "GROUP_CONCAT");
            if (!first) {
                soFar.append(separator);
            }
            soFar.append(s);
            first = false;
        }

        @Override
        protected void accumulateError(Binding binding, FunctionEnv env) {
            // As ARQ's GROUP_CONCAT: a value in error is left out.
        }

        @Override
        protected NodeValue getAccValue() {
            return NodeValue.makeString(soFar.toString());
        }
    }
}
