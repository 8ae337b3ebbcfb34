package vn.archive.generate;

import java.time.LocalDate;
import java.util.List;

/**
 * One generated directive with the ground truth it was generated from.
 *
 * @param id         sequence number, also its file name
 * @param file       path of its text relative to the output folder
 * @param kind       kind's full name ("Kế hoạch")
 * @param number     number and symbol as printed ("75-KH/BDVTU", "123/UBND-VX")
 * @param date       date of issue
 * @param issuer     issuing body ("Ban Thường vụ Huyện ủy Đơn Dương")
 * @param parentIssuer the province's body above a district's issuer, else null
 * @param level      trung ương, tỉnh or huyện
 * @param sector     party or state
 * @param place      place printed before the date
 * @param title      subject as the header states it
 * @param signer     signer's name
 * @param position   signer's position
 * @param authority  signing authority (T/M Ban Thường vụ…), or empty
 * @param cites      numbers of the documents it cites, the implemented one first
 * @param implementsId id of the document it implements, or -1
 * @param text       the full text
 */
public record GeneratedDocument(int id, String file, String kind, String number, LocalDate date, String issuer,
                                String parentIssuer, String level, String sector, String place, String title,
                                String signer, String position, String authority, List<String> cites,
                                int implementsId, String text) {
    /** Manifest columns, in order. */
    public static final String MANIFEST_HEADER = "id\tfile\tkind\tnumber\tdate\tissuer\tparent_issuer\tlevel\tsector"
            + "\tplace\ttitle\tsigner\tposition\tauthority\tcites\timplements\tchars";

    /** This document as a manifest row (tab-separated, no newline). */
    public String manifestRow() {
        return String.join("\t", Integer.toString(id), file, kind, number, date.toString(), issuer,
                parentIssuer == null ? "" : parentIssuer, level, sector, place, title, signer, position, authority,
                String.join(";", cites), Integer.toString(implementsId), Integer.toString(text.length()));
    }
}
