package vn.archive.model;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/** Secrecy levels in ascending order: a user with a level sees documents at that level or below. */
public enum Clearance {
    NONE("Không mật"), MAT("Mật"), TOI_MAT("Tối mật"), TUYET_MAT("Tuyệt mật");

    private final String label;

    Clearance(String label) {
        this.label = label;
    }

    /** The Vietnamese name of the level. */
    public String label() {
        return label;
    }

    /** Whether a holder of this clearance may see a document classified at {@code level}. */
    public boolean allows(Clearance level) {
        return level.ordinal() <= ordinal();
    }

    /**
     * Whether a holder of this clearance may see a document with this metadata: not withdrawn, and classified at a
     * level it allows (what the index's clearance filter encodes, on either backend).
     */
    public boolean sees(DocumentMetadata m) {
        return m.withdrawn() == null && allows(ofClassification(m.classification()));
    }

    /** The level of a document's classification stamp ("Mật", "TỐI MẬT"…); unknown or absent is {@link #NONE}. */
    public static Clearance ofClassification(String classification) {
        if (classification == null) {
            return NONE;
        }
        String s = Normalizer.normalize(classification, Normalizer.Form.NFC)
                .strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        if (s.contains("tuyệt mật")) {
            return TUYET_MAT;
        }
        if (s.contains("tối mật")) {
            return TOI_MAT;
        }
        // anything else stamped secret counts as secret: over-protecting is the safe error
        return s.contains("mật") ? MAT : NONE;
    }

    /** Parses a level by name ({@code MAT}, {@code toi_mat}) or label ({@code Tối mật}). */
    public static Clearance parse(String value) {
        for (Clearance c : values()) {
            if (c.name().equalsIgnoreCase(value.strip()) || c.label.equalsIgnoreCase(value.strip())) {
                return c;
            }
        }
        throw new IllegalArgumentException("Unknown clearance [" + value + "], expected one of "
                + Arrays.toString(values()));
    }
}
