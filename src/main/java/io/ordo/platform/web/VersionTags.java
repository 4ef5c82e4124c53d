package io.ordo.platform.web;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ResponseStatusException;

/**
 * An aggregate's version as an HTTP entity tag (RFC 9110): the {@code ETag} of an order or product and of every command
 * answer, and the {@code If-Match} a command may carry to apply only at that version.
 *
 * <p>The tags are strong, {@code "5"}: a representation is a function of the aggregate's events up to its version, and
 * If-Match compares strongly, so a weak tag could never be sent back. Ordo evaluates If-Match in the aggregate, where
 * it holds the lock: the web layer only reads the header. {@code *} means any version; a weak tag or one that is not a
 * version can never match (412); a malformed header, or one naming more than one version, is a bad request (400).
 */
public final class VersionTags {

    /** What the API documentation says about the header. */
    public static final String IF_MATCH_DESCRIPTION =
            "Apply the command only if the aggregate is still at this version: its ETag, such as \"3\"; * for any";

    private static final Pattern VERSION = Pattern.compile("0|[1-9][0-9]{0,18}");

    private VersionTags() {}

    /** The strong entity tag of a version: {@code "5"}. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version a command must find its aggregate at, from the request's If-Match: {@code null} when there is no
     * If-Match or it is {@code *}.
     *
     * @throws ResponseStatusException 400 when the header is malformed or names more than one version
     * @throws ErrorResponseException 412 when none of its tags can be a version
     */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null) {
            return null;
        }
        if (ifMatch.strip().equals("*")) {
            return null;
        }
        Set<Long> versions = new LinkedHashSet<>();
        int tags = 0;
        int at = 0;
        while (at < ifMatch.length()) {
            char next = ifMatch.charAt(at);
            if (next == ' ' || next == '\t' || next == ',') {
                at++; // whitespace and empty list elements
                continue;
            }
            boolean weak = ifMatch.startsWith("W/", at);
            int open = weak ? at + 2 : at;
            int close = open < ifMatch.length() && ifMatch.charAt(open) == '"' ? ifMatch.indexOf('"', open + 1) : -1;
            if (close < 0) {
                throw malformed();
            }
            String opaque = ifMatch.substring(open + 1, close);
            if (!opaque.chars().allMatch(VersionTags::isEntityTagCharacter)) {
                throw malformed();
            }
            tags++;
            if (!weak && VERSION.matcher(opaque).matches()) {
                versionOf(opaque).ifPresent(versions::add);
            }
            at = close + 1;
            while (at < ifMatch.length() && (ifMatch.charAt(at) == ' ' || ifMatch.charAt(at) == '\t')) {
                at++;
            }
            if (at < ifMatch.length() && ifMatch.charAt(at) != ',') {
                throw malformed();
            }
        }
        if (tags == 0) {
            throw malformed();
        }
        if (versions.size() > 1) {
            throw new ResponseStatusException(
                    HttpStatus.BAD_REQUEST, "If-Match may name one version only, such as \"3\"");
        }
        if (versions.isEmpty()) {
            throw new ErrorResponseException(
                    HttpStatus.PRECONDITION_FAILED,
                    ProblemDetail.forStatusAndDetail(
                            HttpStatus.PRECONDITION_FAILED,
                            "If-Match names no version; versions are strong entity tags such as \"3\""),
                    null);
        }
        return versions.iterator().next();
    }

    private static Optional<Long> versionOf(String digits) {
        try {
            return Optional.of(Long.parseLong(digits));
        } catch (NumberFormatException beyondLong) {
            return Optional.empty();
        }
    }

    // RFC 9110 etagc: %x21 / %x23-7E / obs-text
    private static boolean isEntityTagCharacter(int c) {
        return c == 0x21 || (c >= 0x23 && c <= 0x7E) || (c >= 0x80 && c <= 0xFF);
    }

    private static ResponseStatusException malformed() {
        return new ResponseStatusException(
                HttpStatus.BAD_REQUEST, "If-Match must be * or an entity tag in double quotes, such as \"3\"");
    }
}
