package io.tessera.shared;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version a client says it read before changing a resource, whichever way it said so: the HTTP way,
 * {@code If-Match} with the strong ETag {@code "<version>"} a read answered (RFC 9110 §13.1.1), or the
 * {@code version} field of the body. A resource with a version reads both through this one class, so every
 * such endpoint accepts the same forms and its refusals name what the client actually sent.
 *
 * <ul>
 *   <li>{@code If-Match: "4"} — change only if the resource is at version 4;</li>
 *   <li>{@code If-Match: "3", "4"} — if it is at any of them;</li>
 *   <li>{@code If-Match: *} — if it exists at all (it does, once the endpoint found it);</li>
 *   <li>a weak ETag ({@code W/"4"}) or anything that is not a list of ETags — refused: a weak comparison
 *       cannot guard a change (§13.1.1), and a header we cannot read must not silently mean "no check";</li>
 *   <li>both the header and {@code version}: they must agree.</li>
 * </ul>
 *
 * Pure Java on purpose ({@code shared} depends on nothing): each module's API maps
 * {@link PreconditionFailed} and {@link InvalidPrecondition} to problems in its own error advice.
 */
public final class Precondition {

    /** The request header. */
    public static final String IF_MATCH = "If-Match";
    /** The body field. */
    public static final String VERSION = "version";

    private static final Pattern ENTITY_TAG = Pattern.compile("\\s*(W/)?\"([\\x21\\x23-\\x7e\\x80-\\xff]*)\"\\s*(,|$)");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,9}");

    private final String field;
    private final boolean any;
    private final Set<Integer> versions;

    private Precondition(String field, boolean any, Set<Integer> versions) {
        this.field = field;
        this.any = any;
        this.versions = Set.copyOf(versions);
    }

    /** The strong ETag of a version: {@code "4"}, quotes included, as the {@code ETag} header carries it. */
    public static String etag(int version) {
        return "\"" + version + "\"";
    }

    /** No condition: the change applies to whatever the resource is now. */
    public static Precondition none() {
        return new Precondition(null, true, Set.of());
    }

    /**
     * Reads the {@code If-Match} header (null when absent) and the body's {@code version} (null when left
     * out). A malformed or weak header, or a header and a version that disagree, is an
     * {@link InvalidPrecondition}.
     */
    public static Precondition of(String ifMatch, Integer version) {
        if (ifMatch == null) {
            return version == null ? none() : new Precondition(VERSION, false, Set.of(version));
        }
        Precondition header = ifMatch(ifMatch);
        if (version != null && !header.matches(version)) {
            throw new InvalidPrecondition(Set.of(IF_MATCH, VERSION), "If-Match " + ifMatch.strip() + " and version "
                    + version + " disagree; send one of them.");
        }
        return header;
    }

    private static Precondition ifMatch(String header) {
        if (header.strip().equals("*")) {
            return new Precondition(IF_MATCH, true, Set.of());
        }
        Set<Integer> versions = new LinkedHashSet<>();
        Matcher tag = ENTITY_TAG.matcher(header);
        int at = 0;
        while (at < header.length() && tag.find(at) && tag.start() == at) {
            if (tag.group(1) != null) {
                throw new InvalidPrecondition(Set.of(IF_MATCH), "If-Match takes strong ETags such as \"4\", as ETag "
                        + "answers them; a weak ETag (W/…) cannot guard a change.");
            }
            if (NUMBER.matcher(tag.group(2)).matches()) {
                versions.add(Integer.parseInt(tag.group(2)));
            }
            at = tag.end();
        }
        if (at == 0 || at < header.length() || header.strip().endsWith(",")) {
            throw new InvalidPrecondition(Set.of(IF_MATCH), "If-Match must be * or a list of ETags in quotes, such as "
                    + "If-Match: \"4\" (the ETag a read answered).");
        }
        // A well-formed ETag that is not one of ours (If-Match: "abc") matches no version: 412, as RFC 9110 says.
        return new Precondition(IF_MATCH, false, versions);
    }

    /** Whether the client sent a condition at all. */
    public boolean present() {
        return field != null;
    }

    /** {@code If-Match} or {@code version}: where the condition came from, to name it in a refusal. */
    public String field() {
        return field;
    }

    /**
     * The version a save must still find, given the resource is at {@code current} now: {@code null} for no
     * condition (or {@code *}), {@code current} when it matches — so a change made between this check and
     * the save is still caught — and otherwise {@link PreconditionFailed}.
     */
    public Integer expectedVersion(String resource, int current) {
        if (any) {
            return null;
        }
        if (!versions.contains(current)) {
            throw failed(resource, current);
        }
        return current;
    }

    /** The refusal when the resource (a "ticket") turned out to be at {@code current}. */
    public PreconditionFailed failed(String resource, int current) {
        return new PreconditionFailed(this, resource, current);
    }

    String sent() {
        if (IF_MATCH.equals(field)) {
            return versions.stream().map(Precondition::etag).reduce((a, b) -> a + ", " + b).orElse("an ETag of no version");
        }
        return versions.isEmpty() ? "" : String.valueOf(versions.iterator().next());
    }

    private boolean matches(int version) {
        return any || versions.contains(version);
    }
}
