package org.psikg.validate.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.engine.ValidationContext;
import org.apache.jena.shacl.engine.constraint.SparqlConstraint;
import org.apache.jena.shacl.lib.ShLib;
import org.apache.jena.shacl.parser.Constraint;
import org.apache.jena.shacl.parser.Shape;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.VLib;
import org.apache.jena.shacl.validation.ValidationProc;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.path.PathFactory;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementBind;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementFilter;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.sparql.syntax.ElementOptional;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.ElementUnion;
import org.apache.jena.sparql.syntax.ElementPathBlock;
import org.apache.jena.sparql.syntax.ElementTriplesBlock;
import org.apache.jena.vocabulary.RDF;

/**
 * SHACL-SPARQL constraints of node shapes, run once per shape over all its focus nodes
 * instead of once per focus node. Jena SHACL pre-binds {@code $this} and plans the query
 * anew for every focus node, which on a corpus of a few hundred articles costs minutes;
 * here the focus nodes go into a {@code VALUES $this} block at the head of the query's group,
 * so the query is planned once and each focus node is still substituted into the patterns
 * that follow, as pre-binding does.
 * <p>
 * That gives the same answer as pre-binding where $this is bound by the join before it is
 * used (see {@link #joinable}): FILTER (EXISTS and NOT EXISTS included: Jena substitutes the
 * row into them) and BIND at the query's own level, OPTIONAL and UNION that use $this only in
 * their triple patterns, sub-SELECTs that do not mention it; no LIMIT, ordering or
 * aggregation, and none of $PATH, $currentShape, $shapesGraph. Any other constraint, and every shape that another shape refers to, is left
 * to Jena. Results are reported as Jena reports them: same message templating, value (the
 * focus node when {@code ?value} is unbound), path, severity and source constraint.
 */
public final class BatchedSparql {
    private static final Var THIS = Var.alloc("this");
    private static final Var VALUE = Var.alloc("value");
    private static final Var PATH = Var.alloc("path");
    private static final Pattern SPECIAL = Pattern.compile("[?$](PATH|currentShape|shapesGraph)\\b");
    private static final Pattern THIS_MENTION = Pattern.compile("[?$]this\\b");

    private final Shapes jenaShapes;
    private final List<Shape> batched;

    private BatchedSparql(Shapes jenaShapes, List<Shape> batched) {
        this.jenaShapes = jenaShapes;
        this.batched = batched;
    }

    /** Splits the shapes: those whose SPARQL constraints run batched, and the rest for Jena (without those constraints). */
    public static BatchedSparql of(Graph shapesGraph, Shapes shapes) {
        List<Shape> batched = new ArrayList<>();
        for (Shape shape : shapes.getShapeMap().values()) {
            if (batchable(shape, shapesGraph)) {
                batched.add(shape);
            }
        }
        if (batched.isEmpty()) {
            return new BatchedSparql(shapes, batched);
        }
        Graph rest = GraphFactory.createDefaultGraph();
        shapesGraph.find().forEach(rest::add);
        for (Shape shape : batched) {
            rest.remove(shape.getShapeNode(), SHACL.sparql, Node.ANY);
        }
        return new BatchedSparql(Shapes.parse(rest), batched);
    }

    /** Validates the data graph: Jena for the shapes it keeps, one query per batched constraint for the others. */
    public ValidationReport validate(Graph data) {
        ValidationReport jena = org.apache.jena.shacl.ShaclValidator.get().validate(jenaShapes, data);
        ValidationReport.Builder report = ValidationReport.create();
        report.addPrefixes(jenaShapes.getGraph().getPrefixMapping());
        jena.getEntries().forEach(report::addReportEntry);
        for (Shape shape : batched) {
            Collection<Node> focus = VLib.focusNodes(data, shape);
            if (focus.isEmpty()) {
                continue;
            }
            for (Constraint c : shape.getConstraints()) {
                if (c instanceof SparqlConstraint sparql) {
                    run(data, shape, sparql, focus, report);
                }
            }
        }
        return report.build();
    }

    /**
     * Validates only the focus nodes that {@code keep} accepts, of the shapes (by node) that
     * {@code shapes} accepts, found in {@code targets} (a graph with every focus node's
     * targeting triples and the class hierarchy) and checked against {@code data}: what
     * {@link #validate(Graph)} reports for those nodes and shapes.
     */
    public List<ReportEntry> validate(Graph data, Graph targets, Predicate<Node> keep, Predicate<Node> shapes) {
        ValidationContext vCxt = ValidationContext.create(jenaShapes, data);
        for (Shape shape : jenaShapes.getTargetShapes()) {
            if (!shapes.test(shape.getShapeNode())) {
                continue;
            }
            for (Node focus : VLib.focusNodes(targets, shape)) {
                if (keep.test(focus)) {
                    ValidationProc.execValidateShape(vCxt, data, shape, focus);
                }
            }
        }
        ValidationReport.Builder report = ValidationReport.create();
        vCxt.generateReport().getEntries().forEach(report::addReportEntry);
        for (Shape shape : batched) {
            if (!shapes.test(shape.getShapeNode())) {
                continue;
            }
            List<Node> focus = VLib.focusNodes(targets, shape).stream().filter(keep).toList();
            if (focus.isEmpty()) {
                continue;
            }
            for (Constraint c : shape.getConstraints()) {
                if (c instanceof SparqlConstraint sparql) {
                    run(data, shape, sparql, focus, report);
                }
            }
        }
        return List.copyOf(report.build().getEntries());
    }

    /** The report of these entries, with the shapes' prefixes, as {@link #validate(Graph)} makes it. */
    public ValidationReport report(Collection<ReportEntry> entries) {
        ValidationReport.Builder report = ValidationReport.create();
        report.addPrefixes(jenaShapes.getGraph().getPrefixMapping());
        entries.forEach(report::addReportEntry);
        return report.build();
    }

    private static void run(Graph data, Shape shape, SparqlConstraint constraint, Collection<Node> focus, ValidationReport.Builder report) {
        Query query = constraint.getQuery().cloneQuery();
        ElementData values = new ElementData();
        values.add(THIS);
        for (Node n : new LinkedHashSet<>(focus)) {
            values.add(BindingFactory.binding(THIS, n));
        }
        ElementGroup group = new ElementGroup();
        group.addElement(values);
        ((ElementGroup) query.getQueryPattern()).getElements().forEach(group::addElement);
        query.setQueryPattern(group);
        if (!query.isQueryResultStar() && !query.getProjectVars().contains(THIS)) {
            query.addResultVar(THIS);
        }
        try (QueryExec exec = QueryExec.graph(data).query(query).build()) {
            RowSet rows = exec.select();
            while (rows.hasNext()) {
                Binding row = rows.next();
                Node focusNode = row.get(THIS);
                Node value = row.get(VALUE) != null ? row.get(VALUE) : focusNode;
                String message = constraint.getMessage() == null
                        ? "SPARQL SELECT constraint for " + ShLib.displayStr(focusNode) + " returns " + ShLib.displayStr(value)
                        : substitute(constraint.getMessage(), row);
                Node path = row.get(PATH);
                report.addReportEntry(message, shape, focusNode, path == null ? null : PathFactory.pathLink(path), value, constraint);
            }
        }
    }

    /** {?var} and {$var} in the message, as Jena fills them in: a literal's lexical form, any other term as displayed. */
    private static String substitute(String template, Binding row) {
        String out = template;
        for (var it = row.vars(); it.hasNext();) {
            Var v = it.next();
            Node n = row.get(v);
            String shown = n.isLiteral() ? n.getLiteralLexicalForm() : ShLib.displayStr(n);
            out = out.replace("{?" + v.getVarName() + "}", shown).replace("{$" + v.getVarName() + "}", shown);
        }
        return out;
    }

    private static boolean batchable(Shape shape, Graph shapesGraph) {
        if (!shape.isNodeShape() || !shape.hasTarget() || shape.deactivated() || referenced(shape.getShapeNode(), shapesGraph)) {
            return false;
        }
        boolean any = false;
        for (Constraint c : shape.getConstraints()) {
            if (c instanceof SparqlConstraint sparql) {
                if (!flat(sparql.getQuery())) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    private static boolean referenced(Node shape, Graph shapesGraph) {
        for (Node p : List.of(SHACL.node, SHACL.not, SHACL.property, SHACL.qualifiedValueShape, RDF.first.asNode())) {
            if (shapesGraph.contains(Node.ANY, p, shape)) {
                return true;
            }
        }
        return false;
    }

    private static boolean flat(Query q) {
        return q.isSelectType() && !q.hasLimit() && !q.hasOffset() && !q.hasGroupBy() && !q.hasAggregators() && !q.hasHaving()
                && !q.hasOrderBy() && !q.hasValues() && !SPECIAL.matcher(q.toString()).find()
                && q.getQueryPattern() instanceof ElementGroup && joinable(q.getQueryPattern(), true);
    }

    /**
     * Whether joining the element with the VALUES block gives what pre-binding gives: $this may
     * appear anywhere in the query's own group, but in a nested group (OPTIONAL, UNION) only in
     * triple patterns, which the join binds, never in a FILTER, BIND or VALUES evaluated before
     * the join; and never inside a sub-SELECT, whose projection hides it.
     */
    private static boolean joinable(Element e, boolean top) {
        if (e instanceof ElementGroup g) {
            return g.getElements().stream().allMatch(child -> joinable(child, top && !(child instanceof ElementGroup)));
        }
        if (e instanceof ElementPathBlock || e instanceof ElementTriplesBlock) {
            return true;
        }
        if (e instanceof ElementFilter f) {
            return top || !f.getExpr().getVarsMentioned().contains(THIS);
        }
        if (e instanceof ElementBind b) {
            return top || !b.getExpr().getVarsMentioned().contains(THIS) && !b.getVar().equals(THIS);
        }
        if (e instanceof ElementData d) {
            return !d.getVars().contains(THIS);
        }
        if (e instanceof ElementOptional o) {
            return joinable(o.getOptionalElement(), false);
        }
        if (e instanceof ElementUnion u) {
            return u.getElements().stream().allMatch(branch -> joinable(branch, false));
        }
        if (e instanceof ElementSubQuery sub) {
            return !THIS_MENTION.matcher(sub.getQuery().toString()).find();
        }
        return false;
    }
}
