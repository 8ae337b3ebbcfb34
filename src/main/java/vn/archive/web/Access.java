package vn.archive.web;

import io.javalin.security.RouteRole;

/**
 * Who may call a route. Every route declares exactly one when it is registered in {@link WebServer}, and the one
 * {@code beforeMatched} check ({@link LoginController#check}) enforces it; an app with a route that declares none
 * is refused when it is built, so a new route cannot be open by forgetting.
 */
enum Access implements RouteRole {
    /**
     * Anyone, even when anonymous reading is off: the login page and form, and the static assets. Posts must come
     * from this site.
     */
    PUBLIC,
    /** Anyone when anonymous reading is on, else any logged-in user; documents are filtered by clearance. */
    READ,
    /**
     * Reads that list what an import brought in, classified files included: archivists and admins; to anyone else
     * the batch does not exist (404).
     */
    ARCHIVIST_READ,
    /** Any logged-in user, with the session's CSRF token (logout). */
    SIGNED_IN,
    /** Changes to the archive (imports, corrections): archivists and admins, with the CSRF token. */
    ARCHIVIST,
    /** Account management: admins only, with the CSRF token for changes. */
    ADMIN,
    /**
     * The {@code import} verb's channel to the portal serving the same archive ({@link LocalImports}): no session;
     * the controller checks the secret the portal wrote for its own user, and that the request comes from this machine.
     */
    LOCAL;

    /** Whether a visitor who is not logged in is turned away (to the login page, or with 401). */
    boolean needsLogin(boolean anonymousRead) {
        return switch (this) {
            case PUBLIC, LOCAL -> false;
            case READ, ARCHIVIST_READ -> !anonymousRead;
            case SIGNED_IN, ARCHIVIST, ADMIN -> true;
        };
    }
}
