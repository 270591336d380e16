package org.psikg.query;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The canonical lexical form of numbers and booleans (XML Schema 1.1, part 2), so that two
 * stores that write the same value differently ({@code 7.0} and {@code 7}, {@code true} and
 * {@code 1}) give the same term. Other terms, and literals whose form is not valid for their
 * datatype, are returned as they are.
 */
final class LexicalForms {
    private LexicalForms() {
    }

    static Node canonical(Node n) {
        if (!n.isLiteral()) {
            return n;
        }
        String type = n.getLiteralDatatypeURI();
        String lex = n.getLiteralLexicalForm().strip();
        try {
            String canonical;
            if (XSDDatatype.XSDboolean.getURI().equals(type)) {
                canonical = switch (lex) {
                    case "1", "true" -> "true";
                    case "0", "false" -> "false";
                    default -> null;
                };
            } else if (XSDDatatype.XSDdecimal.getURI().equals(type)) {
                BigDecimal d = new BigDecimal(lex).stripTrailingZeros();
                canonical = d.scale() <= 0 ? d.toBigInteger().toString() : d.toPlainString();
            } else if (XSDDatatype.XSDinteger.getURI().equals(type)) {
                canonical = new BigInteger(lex.startsWith("+") ? lex.substring(1) : lex).toString();
            } else if (XSDDatatype.XSDdouble.getURI().equals(type) || XSDDatatype.XSDfloat.getURI().equals(type)) {
                canonical = Double.toString(Double.parseDouble(lex));
            } else {
                return n;
            }
            return canonical == null ? n : NodeFactory.createLiteralDT(canonical, n.getLiteralDatatype());
        } catch (NumberFormatException e) {
            return n;
        }
    }
}
