package org.psikg.server;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.Function;
import org.apache.jena.sparql.function.FunctionEnv;
import org.apache.jena.sparql.function.FunctionRegistry;
import org.apache.jena.sparql.util.Context;

/**
 * REGEX and REPLACE that stop at the query's deadline. Java's regular expressions backtrack:
 * {@code REGEX(?x, ".*.*.*x")} over a few hundred characters takes half a minute inside one
 * call, where the query timeout (checked between rows) cannot reach, so the CPU stays busy
 * long after the client was told 503. Here the text is read through a {@link CharSequence}
 * that looks at the clock every 4,096 characters the matcher reads and cancels the query
 * once the deadline ({@link QueryBudget}) has passed; REPLACE also stops when its result
 * would be longer than the query may build. {@link BoundedStrings#rewrite} puts these in
 * place of the built-ins; the semantics are those of SPARQL (XPath flags i, s, m, x, q).
 * <pre>
 * QueryBudget.start(deadline, maxStringLength);   // on the thread that runs the query
 * Query bounded = BoundedStrings.rewrite(query);
 * </pre>
 */
final class BoundedRegex {
    static final String REGEX = "urn:psikg:fn:regex";
    static final String REPLACE = "urn:psikg:fn:replace";

    static {
        FunctionRegistry.get().put(REGEX, Regex.class);
        FunctionRegistry.get().put(REPLACE, Replace.class);
    }

    private BoundedRegex() {
    }

    /** A string whose reading stops at the deadline. */
    private static final class Bounded implements CharSequence {
        private final String text;
        private final long deadline;
        private int reads;

        Bounded(String text, long deadline) {
            this.text = text;
            this.deadline = deadline;
        }

        @Override
        public char charAt(int index) {
            if ((++reads & 0xFFF) == 0 && System.nanoTime() - deadline > 0) {
                throw new QueryCancelledException();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Bounded(text.substring(start, end), deadline);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private abstract static class Base implements Function {
        private String lastKey;
        private Pattern lastPattern;

        abstract int minArgs();

        @Override
        public void build(String uri, ExprList args, Context context) {
            if (args.size() < minArgs() || args.size() > minArgs() + 1) {
                throw new org.apache.jena.query.QueryBuildException(uri + ": wrong number of arguments");
            }
        }

        static String string(NodeValue v) {
            if (!v.isString() && !v.isLangString()) {
                throw new ExprEvalException("not a string: " + v);
            }
            return v.getNode().getLiteralLexicalForm();
        }

        synchronized Pattern pattern(String regex, String flags) {
            String key = flags + "/" + regex;
            if (!key.equals(lastKey)) {
                int mask = 0;
                for (char f : flags.toCharArray()) {
                    mask |= switch (f) {
                        case 'i' -> Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
                        case 's' -> Pattern.DOTALL;
                        case 'm' -> Pattern.MULTILINE;
                        case 'x' -> Pattern.COMMENTS;
                        case 'q' -> Pattern.LITERAL;
                        default -> throw new ExprEvalException("unknown regex flag: " + f);
                    };
                }
                try {
                    lastPattern = Pattern.compile(regex, mask);
                } catch (PatternSyntaxException e) {
                    throw new ExprEvalException("bad regex: " + e.getMessage());
                }
                lastKey = key;
            }
            return lastPattern;
        }

        static Matcher matcher(Pattern p, String text) {
            QueryBudget budget = QueryBudget.current();
            CharSequence chars = budget != null ? new Bounded(text, budget.deadline()) : text;
            return p.matcher(chars);
        }
    }

    /** REGEX(text, pattern [, flags]). */
    public static final class Regex extends Base {
        @Override
        int minArgs() {
            return 2;
        }

        @Override
        public NodeValue exec(Binding binding, ExprList args, String uri, FunctionEnv env) {
            String text = string(args.get(0).eval(binding, env));
            String flags = args.size() > 2 ? string(args.get(2).eval(binding, env)) : "";
            Pattern p = pattern(string(args.get(1).eval(binding, env)), flags);
            return NodeValue.booleanReturn(matcher(p, text).find());
        }
    }

    /** REPLACE(text, pattern, replacement [, flags]): the result keeps the text's language tag. */
    public static final class Replace extends Base {
        @Override
        int minArgs() {
            return 3;
        }

        @Override
        public NodeValue exec(Binding binding, ExprList args, String uri, FunctionEnv env) {
            NodeValue input = args.get(0).eval(binding, env);
            String text = string(input);
            String replacement = string(args.get(2).eval(binding, env));
            String flags = args.size() > 3 ? string(args.get(3).eval(binding, env)) : "";
            Pattern p = pattern(string(args.get(1).eval(binding, env)), flags);
            if (p.matcher("").matches()) {
                throw new ExprEvalException("REPLACE: the pattern matches the empty string");
            }
            String result;
            try {
                result = replaceAll(matcher(p, text), replacement);
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new ExprEvalException("REPLACE: bad replacement: " + e.getMessage());
            }
            String lang = input.getNode().getLiteralLanguage();
            return lang == null || lang.isEmpty() ? NodeValue.makeString(result) : NodeValue.makeLangString(result, lang);
        }

        /** Matcher.replaceAll, but stopping as soon as the result is longer than the query may build. */
        private static String replaceAll(Matcher m, String replacement) {
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, replacement);
                QueryBudget.checkLength(out.length(), "REPLACE");
            }
            m.appendTail(out);
            QueryBudget.checkLength(out.length(), "REPLACE");
            return out.toString();
        }
    }
}
