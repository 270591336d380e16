package org.psikg.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Content negotiation by the rules of RFC 9110 (section 12.5.1), which Jena's AcceptList does
 * not fully follow: media types compare case-insensitively, the most specific range that
 * matches an offer gives its quality, {@code q=0} means "not this", and among equal
 * qualities the server's order decides. A missing header, or one in which no entry parses,
 * accepts anything; so odd headers are answered the same way every time.
 * <pre>
 * AcceptHeader.parse("text/html;q=0.9, text/turtle").choose(List.of("text/turtle", "text/html"))   // Optional[text/turtle]
 * </pre>
 */
public final class AcceptHeader {
    private record Range(String type, String subtype, double q) {
        /** 0 if it does not match, else 1 (wildcard), 2 (type/*) or 3 (exact). */
        int specificity(String offer) {
            int slash = offer.indexOf('/');
            String t = offer.substring(0, slash);
            String s = offer.substring(slash + 1);
            if (type.equals("*")) {
                return 1;
            }
            if (!type.equals(t)) {
                return 0;
            }
            if (subtype.equals("*")) {
                return 2;
            }
            return subtype.equals(s) ? 3 : 0;
        }
    }

    private final List<Range> ranges;

    private AcceptHeader(List<Range> ranges) {
        this.ranges = ranges;
    }

    public static AcceptHeader parse(String header) {
        List<Range> ranges = new ArrayList<>();
        if (header != null) {
            for (String entry : header.split(",")) {
                parseRange(entry).ifPresent(ranges::add);
            }
        }
        if (ranges.isEmpty()) {
            ranges.add(new Range("*", "*", 1.0));
        }
        return new AcceptHeader(ranges);
    }

    /** The acceptable offer of highest quality (the first of equals), or empty: 406. */
    public Optional<String> choose(List<String> offers) {
        String best = null;
        double bestQ = 0;
        for (String offer : offers) {
            double q = quality(offer.toLowerCase(Locale.ROOT));
            if (q > bestQ) {
                best = offer;
                bestQ = q;
            }
        }
        return Optional.ofNullable(best);
    }

    private double quality(String offer) {
        int bestSpecificity = 0;
        double q = 0;
        for (Range r : ranges) {
            int s = r.specificity(offer);
            if (s > bestSpecificity) {
                bestSpecificity = s;
                q = r.q();
            } else if (s == bestSpecificity && s > 0) {
                q = Math.max(q, r.q());
            }
        }
        return q;
    }

    private static Optional<Range> parseRange(String entry) {
        // -1: an entry of only semicolons gives one empty type (refused), not an empty array.
        String[] parts = entry.split(";", -1);
        String type = parts[0].trim().toLowerCase(Locale.ROOT);
        int slash = type.indexOf('/');
        if (slash <= 0 || slash == type.length() - 1 || type.indexOf('/', slash + 1) >= 0
                || !type.matches("[a-z0-9!#$&^_.+*-]+/[a-z0-9!#$&^_.+*-]+")) {
            return Optional.empty();
        }
        String t = type.substring(0, slash);
        String s = type.substring(slash + 1);
        if (t.equals("*") && !s.equals("*")) {
            return Optional.empty();
        }
        double q = 1.0;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("q=")) {
                try {
                    q = Double.parseDouble(p.substring(2).trim());
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
                if (!(q >= 0 && q <= 1)) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new Range(t, s, q));
    }
}
