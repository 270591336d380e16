package org.psikg.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.apache.jena.system.Txn;
import org.psikg.error.InputException;
import org.psikg.review.Review;
import org.psikg.review.ReviewItem;
import org.psikg.server.html.ReviewPage;

/**
 * /review: the statements for a reviewer, as {@code psikg review} prints them, in HTML:
 * {@code ?sample=N&seed=S} (seed 1 by default) or {@code ?article=ID}. Anything else is a 400.
 * <pre>
 * builder.addServlet("/review", new ReviewServlet(data));
 * </pre>
 */
public final class ReviewServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    /** More would make a page no reviewer reads and a request that costs the server. */
    static final int MAX_SAMPLE = 1000;

    private final transient ServedData data;

    public ReviewServlet(ServedData data) {
        this.data = data;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String sample = request.getParameter("sample");
        String article = request.getParameter("article");
        if ((sample == null) == (article == null)) {
            Representation.error(response, HttpServletResponse.SC_BAD_REQUEST, "give either ?sample=N (with &seed=S) or ?article=ID");
            return;
        }
        int n;
        long seed;
        try {
            n = sample == null ? 0 : Integer.parseInt(sample);
            seed = request.getParameter("seed") == null ? 1 : Long.parseLong(request.getParameter("seed"));
        } catch (NumberFormatException e) {
            Representation.error(response, HttpServletResponse.SC_BAD_REQUEST, "sample and seed must be whole numbers");
            return;
        }
        if (sample != null && (n < 1 || n > MAX_SAMPLE)) {
            Representation.error(response, HttpServletResponse.SC_BAD_REQUEST, "sample must be from 1 to " + MAX_SAMPLE);
            return;
        }
        List<ReviewItem> items;
        try {
            items = Txn.calculateRead(data.dataset(), () -> {
                Review review = Review.of(data.dataset());
                return sample != null ? review.sample(n, seed) : review.article(article);
            });
        } catch (InputException e) {
            Representation.error(response, HttpServletResponse.SC_NOT_FOUND, e.getMessage());
            return;
        }
        String title = sample != null ? "Review: a sample of " + n + " (seed " + seed + ")" : "Review: the statements of " + article;
        Representation.writeHtml(response, ReviewPage.render(title, items, data.prefixes()));
    }
}
