package org.psikg.rdf.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.psikg.corpus.Token;
import org.psikg.error.ErrorCode;
import org.psikg.error.InputError;
import org.psikg.error.InputException;
import org.psikg.rdf.ValueKind;

/** Turns an object as written into a typed literal, by what the property's range asks for. */
public final class Literals {
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern LANG_TEXT = Pattern.compile("\"(.*)\"(@([a-z]{2,3}(-[A-Za-z0-9]{1,8})*))?", Pattern.DOTALL);

    private Literals() {
    }

    public static Node literal(Token t, ValueKind kind, String defaultLanguage) {
        String v = t.text();
        return switch (kind) {
            case DATE -> date(t);
            case DECIMAL -> check(t, DECIMAL, "a decimal number such as 30.5", XSDDatatype.XSDdecimal);
            case INTEGER -> check(t, INTEGER, "a whole number", XSDDatatype.XSDinteger);
            case BOOLEAN -> {
                if (!v.equals("true") && !v.equals("false")) {
                    throw error(t, ErrorCode.BAD_BOOLEAN, "'" + v + "' is not true or false", null);
                }
                yield NodeFactory.createLiteralDT(v, XSDDatatype.XSDboolean);
            }
            case STRING -> NodeFactory.createLiteralString(unquote(v));
            case LANG_STRING -> langString(v, defaultLanguage);
            case THING -> throw new IllegalArgumentException("not a literal kind: " + kind);
        };
    }

    /** {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}, typed by the precision written. */
    public static Node date(Token t) {
        String v = t.text();
        String hint = "write YYYY, YYYY-MM or YYYY-MM-DD";
        if (YEAR.matcher(v).matches()) {
            return NodeFactory.createLiteralDT(v, XSDDatatype.XSDgYear);
        }
        Matcher ym = YEAR_MONTH.matcher(v);
        if (ym.matches()) {
            int month = Integer.parseInt(ym.group(2));
            if (month < 1 || month > 12) {
                throw error(t, ErrorCode.BAD_DATE, "malformed date '" + v + "': no month " + month, hint);
            }
            return NodeFactory.createLiteralDT(v, XSDDatatype.XSDgYearMonth);
        }
        try {
            if (v.length() == 10) {
                LocalDate.parse(v);
                return NodeFactory.createLiteralDT(v, XSDDatatype.XSDdate);
            }
        } catch (DateTimeException e) {
            throw error(t, ErrorCode.BAD_DATE, "malformed date '" + v + "': " + e.getMessage(), hint);
        }
        throw error(t, ErrorCode.BAD_DATE, "malformed date '" + v + "'", hint);
    }

    private static Node check(Token t, Pattern p, String what, XSDDatatype type) {
        if (!p.matcher(t.text()).matches()) {
            throw error(t, ErrorCode.BAD_NUMBER, "'" + t.text() + "' is not " + what, null);
        }
        return NodeFactory.createLiteralDT(t.text(), type);
    }

    private static Node langString(String v, String defaultLanguage) {
        Matcher m = LANG_TEXT.matcher(v);
        if (m.matches()) {
            return NodeFactory.createLiteralLang(m.group(1), m.group(3) != null ? m.group(3) : defaultLanguage);
        }
        return NodeFactory.createLiteralLang(v, defaultLanguage);
    }

    private static String unquote(String v) {
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }

    private static InputException error(Token t, ErrorCode code, String message, String hint) {
        return new InputException(new InputError(t.location(), code, message, hint));
    }
}
