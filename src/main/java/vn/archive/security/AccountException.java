package vn.archive.security;

/** A refused account change, with a reason the pages translate and a bilingual message the CLI prints. */
public final class AccountException extends IllegalArgumentException {
    /** Why the change was refused. */
    public enum Reason { UNKNOWN_USER, DUPLICATE, INVALID_NAME, LAST_ADMIN, FIRST_NOT_ADMIN }

    private final Reason reason;
    private final String user;

    AccountException(Reason reason, String user, String message) {
        super(message);
        this.reason = reason;
        this.user = user;
    }

    public Reason reason() {
        return reason;
    }

    /** The account name the change was about. */
    public String user() {
        return user;
    }
}
