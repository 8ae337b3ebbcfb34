package vn.archive.ingest;

/** A fixed set of locks, one per hash bucket of a key, so work on one key (a hash, an id) is serialized cheaply. */
final class Stripes {
    private final Object[] locks = new Object[1024];

    Stripes() {
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    /** The lock of this key's bucket. */
    Object of(String key) {
        return locks[Math.floorMod(key.hashCode(), locks.length)];
    }
}
