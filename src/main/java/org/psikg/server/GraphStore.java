package org.psikg.server;

import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.fuseki.servlets.ActionLib;
import org.apache.jena.fuseki.servlets.GSP_RW;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.web.HttpSC;

/**
 * The Graph Store Protocol endpoint (/psikg/data), as Fuseki implements it, with two
 * changes: {@code ?default} reads the union of the named graphs (the default graph of the
 * SPARQL endpoint, where TDB2's stored default graph is empty), and, unless updates are
 * allowed, every write (PUT, POST, DELETE, PATCH) is 405 Method Not Allowed.
 * <pre>
 * FusekiServer.create().registerOperation(Operation.GSP_R, new GraphStore(false))...
 * </pre>
 */
public final class GraphStore extends GSP_RW {
    private static final long DRAIN_LIMIT = 1 << 20;

    private final boolean writable;

    public GraphStore(boolean writable) {
        this.writable = writable;
    }

    @Override
    protected void doGet(HttpAction action) {
        if (isDefaultGraph(action)) {
            sendUnion(action, true);
        } else {
            super.doGet(action);
        }
    }

    @Override
    protected void doHead(HttpAction action) {
        if (isDefaultGraph(action)) {
            sendUnion(action, false);
        } else {
            super.doHead(action);
        }
    }

    @Override
    protected void doPut(HttpAction action) {
        refuseUnlessWritable(action);
        super.doPut(action);
    }

    @Override
    protected void doPost(HttpAction action) {
        refuseUnlessWritable(action);
        super.doPost(action);
    }

    @Override
    protected void doDelete(HttpAction action) {
        refuseUnlessWritable(action);
        super.doDelete(action);
    }

    @Override
    protected void doPatch(HttpAction action) {
        refuseUnlessWritable(action);
        super.doPatch(action);
    }

    @Override
    protected void doOptions(HttpAction action) {
        if (writable) {
            super.doOptions(action);
        } else {
            ActionLib.doOptionsGetHead(action);
            ServletOps.success(action);
        }
    }

    private void refuseUnlessWritable(HttpAction action) {
        if (!writable) {
            drainSmallBody(action);
            action.setResponseHeader("Allow", "GET, HEAD, OPTIONS");
            ServletOps.error(HttpSC.METHOD_NOT_ALLOWED_405, "the Graph Store endpoint is read-only (psikg serve --allow-update opens it)");
        }
    }

    /**
     * Reads and drops up to {@value #DRAIN_LIMIT} bytes of the refused request's body: a client
     * still sending a body it was not asked for can otherwise lose the 405 when the
     * connection closes. Larger bodies are not read; the connection closes, as it must.
     */
    private static void drainSmallBody(HttpAction action) {
        try (var in = action.getRequestInputStream()) {
            in.skipNBytes(Math.min(DRAIN_LIMIT, Math.max(0, action.getRequestContentLengthLong())));
        } catch (java.io.IOException | RuntimeException e) {
            // Nothing more to drain, or the client went away: the refusal stands either way.
        }
    }

    private static boolean isDefaultGraph(HttpAction action) {
        return action.getRequestParameter("default") != null && action.getRequestParameter("graph") == null;
    }

    private static void sendUnion(HttpAction action, boolean body) {
        MediaType mt = ActionLib.contentNegotationRDF(action);
        Lang lang = RDFLanguages.contentTypeToLang(mt.getContentTypeStr());
        action.beginRead();
        try {
            if (body) {
                ActionLib.graphResponse(action, action.getActiveDSG().getUnionGraph(), lang);
            } else {
                action.setResponseContentType(mt.getContentTypeStr());
            }
            ServletOps.success(action);
        } finally {
            action.endRead();
        }
    }
}
