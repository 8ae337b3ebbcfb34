package vn.archive.security;

/** What a user may do: readers read, archivists also import and correct, admins also manage users. */
public enum Role {
    READER, ARCHIVIST, ADMIN;

    /** Whether this role may import and correct. */
    public boolean canWrite() {
        return this != READER;
    }
}
