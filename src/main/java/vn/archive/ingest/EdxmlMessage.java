package vn.archive.ingest;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;
import vn.archive.model.DocNumber;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.Signer;
import vn.archive.text.VietnameseNormalizer;

import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A document-exchange message in edXML (QCVN 102:2016/BTTTT, amended by TT 01/2022/TT-BTTTT), as sent over the
 * national platform (Trục liên thông văn bản quốc gia), or in the flat {@code http://www.go.vn/eDoc} variant some
 * gateways use. Its header is the sender's own record of the document (số, ký hiệu, ngày ban hành, cơ quan gửi, trích
 * yếu, người ký, độ khẩn, hạn xử lý, loại chỉ đạo), so it is taken over what extraction reads from the attachments.
 *
 * <p>Elements are found by local name whatever their namespace or depth: the edXML envelope nests them under
 * {@code edXMLHeader/MessageHeader}, the flat variant puts them under its root. Attachments are the
 * {@code Attachment} elements carrying base64 content ({@code ContentTransferEncoded}, {@code Value} or
 * {@code Data}); a base64 that decodes to a ZIP of one file, as some gateways send, is unpacked. The XML parser
 * refuses DTDs, so no entity in a message reaches a file or the network.
 *
 * <p>Over 300 lines because reading, the standard's code tables (Priority, SteeringType, the symbol's joining) and
 * the mapping onto the archive's metadata are one format's rules, kept together so the format is read in one place.
 *
 * @param variant     {@code edXML} or {@code eDoc}
 * @param organId     the sender's organisation id (QĐ 20/2020/QĐ-TTg), when given
 * @param organName   the sender (cơ quan gửi)
 * @param recipients  the To organisations' names
 * @param number      số and ký hiệu joined as the symbol is printed ("15/QĐ-BNV", "374-CV/HU")
 * @param place       place of issue
 * @param date        ngày ban hành
 * @param kind        tên loại (TypeName)
 * @param subject     trích yếu
 * @param signer      người ký
 * @param urgency     độ khẩn from Priority (null for 0, thường)
 * @param dueDate     hạn xử lý
 * @param steering    loại chỉ đạo from SteeringType (null when absent or 0)
 * @param attachments the attached files, in message order
 */
public record EdxmlMessage(String variant, String organId, String organName, List<String> recipients, String number,
                           String place, LocalDate date, String kind, String subject, Signer signer, String urgency,
                           LocalDate dueDate, String steering, List<Attachment> attachments) {
    /** The edXML namespace of QCVN 102:2016. */
    public static final String EDXML_NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
    /** The flat variant's namespace. */
    public static final String EDOC_NS = "http://www.go.vn/eDoc";
    /** Note on every document imported from a message, saying where its metadata came from. */
    public static final String SOURCE_NOTE = "Siêu dữ liệu lấy từ thông điệp %s (QCVN 102:2016/BTTTT)";
    private static final Set<String> ATTACHMENT_PAYLOAD = Set.of("ContentTransferEncoded", "Value", "Data");
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);
    private static final Pattern YMD = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})");
    private static final Pattern DMY_TEXT = Pattern.compile("(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})");

    public EdxmlMessage {
        recipients = List.copyOf(recipients);
        attachments = List.copyOf(attachments);
    }

    /** One attached file. */
    public record Attachment(String name, String contentType, byte[] bytes) { }

    /** A message that cannot be read, with the reason in Vietnamese. */
    public static final class InvalidMessage extends Exception {
        InvalidMessage(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Whether the file is an edXML or eDoc message: an {@code .edxml} file, or XML naming either namespace. */
    public static boolean isMessage(SourceFile file) {
        String n = file.fileName().toLowerCase(Locale.ROOT);
        if (n.endsWith(".edxml")) {
            return true;
        }
        if (!n.endsWith(".xml")) {
            return false;
        }
        String head = new String(file.bytes(), 0, Math.min(file.bytes().length, 4096), StandardCharsets.ISO_8859_1);
        return head.contains(EDXML_NS) || head.contains(EDOC_NS) || head.contains("edXMLEnvelope");
    }

    /** Reads a message; fails with a clear reason when it is not XML or carries neither a number nor a subject. */
    public static EdxmlMessage parse(byte[] bytes) throws InvalidMessage {
        Document xml;
        try {
            xml = builder().parse(new ByteArrayInputStream(bytes));
        } catch (SAXException | IOException e) {
            throw new InvalidMessage("Thông điệp edXML không đọc được (not well-formed XML): " + e.getMessage(), e);
        }
        Element root = xml.getDocumentElement();
        String variant = EDOC_NS.equals(root.getNamespaceURI()) || "eDoc".equals(local(root)) ? "eDoc" : "edXML";
        Element from = first(root, "From");
        String number = number(text(root, "CodeNumber"), text(root, "CodeNotation"));
        String subject = text(root, "Subject");
        if (number == null && subject == null) {
            throw new InvalidMessage("Thông điệp " + variant + " không có số, ký hiệu hay trích yếu (no Code and no "
                    + "Subject in its header)", null);
        }
        List<String> to = new ArrayList<>();
        for (Element e : all(root, "To")) {
            String name = text(e, "OrganName");
            if (name != null) {
                to.add(name);
            }
        }
        Element signerInfo = first(root, "SignerInfo");
        Signer signer = signerInfo == null || text(signerInfo, "FullName") == null ? null
                : new Signer(text(signerInfo, "FullName"), text(signerInfo, "Position"),
                text(signerInfo, "Competence"));
        Element promulgation = first(root, "PromulgationInfo");
        Element scope = promulgation == null ? root : promulgation;
        String dateText = text(scope, "PromulgationDate") != null ? text(scope, "PromulgationDate") : text(scope, "Date");
        return new EdxmlMessage(variant, from == null ? null : text(from, "OrganId"),
                from == null ? null : text(from, "OrganName"), to, number, text(scope, "Place"), date(dateText),
                text(root, "TypeName"), subject, signer, urgency(text(root, "Priority")),
                date(text(root, "DueDate")), steering(text(root, "SteeringType")), attachments(root));
    }

    private static DocumentBuilder builder() throws InvalidMessage {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new DefaultHandler() {
                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e; // reported in the outcome, not printed on stderr
                }
            });
            return b;
        } catch (ParserConfigurationException e) {
            throw new InvalidMessage("Không tạo được bộ đọc XML: " + e.getMessage(), e);
        }
    }

    /**
     * Số and ký hiệu as one symbol: a Party notation ("CV/HU", kind then issuer) follows the number with a hyphen
     * ("374-CV/HU"), a State one ("QĐ-BNV", "2020/NĐ-CP") with a slash.
     */
    static String number(String codeNumber, String codeNotation) {
        if (codeNumber == null && codeNotation == null) {
            return null;
        }
        if (codeNumber == null) {
            return codeNotation;
        }
        if (codeNotation == null) {
            return codeNumber;
        }
        String notation = codeNotation.replaceFirst("^[-/]", "");
        int slash = notation.indexOf('/');
        boolean party = slash > 0 && !notation.substring(0, slash).matches(".*[-\\d].*");
        String joined = codeNumber + (party ? "-" : "/") + notation;
        return DocNumber.parse(joined).map(DocNumber::format).orElse(joined);
    }

    /** Priority 0 thường, 1 khẩn, 2 thượng khẩn, 3 hỏa tốc, 4 hỏa tốc hẹn giờ, as the urgency mark. */
    static String urgency(String priority) {
        if (priority == null) {
            return null;
        }
        return switch (priority.strip()) {
            case "1" -> "Khẩn";
            case "2" -> "Thượng khẩn";
            case "3", "4" -> "Hỏa tốc";
            default -> null;
        };
    }

    /** SteeringType 1 a directive, 2 a report on a directive; 0 (or absent) neither. */
    static String steering(String type) {
        if (type == null) {
            return null;
        }
        return switch (type.strip()) {
            case "1" -> "Văn bản chỉ đạo";
            case "2" -> "Báo cáo thực hiện văn bản chỉ đạo";
            default -> null;
        };
    }

    /** A date written year first (2020-03-05, 2020/03/05 10:00:00) or day first (05/03/2020); null otherwise. */
    static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        try {
            Matcher ymd = YMD.matcher(text);
            if (ymd.find()) {
                return LocalDate.of(Integer.parseInt(ymd.group(1)), Integer.parseInt(ymd.group(2)),
                        Integer.parseInt(ymd.group(3)));
            }
            Matcher dmy = DMY_TEXT.matcher(text);
            if (dmy.find()) {
                return LocalDate.of(Integer.parseInt(dmy.group(3)), Integer.parseInt(dmy.group(2)),
                        Integer.parseInt(dmy.group(1)));
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }

    private static List<Attachment> attachments(Element root) throws InvalidMessage {
        List<Attachment> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int n = 0;
        for (Element a : all(root, "Attachment")) {
            n++;
            Element payload = null;
            for (Element child : children(a)) {
                if (ATTACHMENT_PAYLOAD.contains(local(child))) {
                    payload = child;
                }
            }
            if (payload == null) {
                continue;
            }
            String name = text(a, "AttachmentName");
            if (name == null) {
                name = text(a, "Name");
            }
            name = name == null ? "tep-dinh-kem-" + n : name.replaceAll(".*[/\\\\]", "").replaceAll("\\p{Cntrl}", "");
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(payload.getTextContent().replaceAll("\\s+", ""));
            } catch (IllegalArgumentException e) {
                throw new InvalidMessage("Tệp đính kèm " + name + " của thông điệp không phải base64 hợp lệ: "
                        + e.getMessage(), e);
            }
            bytes = unzipSingle(name, bytes);
            String unique = name;
            for (int i = 2; !names.add(unique); i++) {
                unique = i + "-" + name;
            }
            out.add(new Attachment(unique, text(a, "ContentType"), bytes));
        }
        return out;
    }

    /** Some gateways zip each attachment before base64: a ZIP of one entry under a non-ZIP name is unpacked. */
    private static byte[] unzipSingle(String name, byte[] bytes) throws InvalidMessage {
        if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
            return bytes;
        }
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry = zip.getNextEntry();
            if (entry == null || entry.isDirectory()) {
                return bytes;
            }
            byte[] inner = zip.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, Scanner.MAX_FILE_BYTES));
            return zip.getNextEntry() == null ? inner : bytes;
        } catch (IOException e) {
            return bytes; // an office file (DOCX, ODT) is a ZIP too: keep it as it came
        }
    }

    /** The message's fields over what extraction read from an attachment (extraction fills what the message lacks). */
    public DocumentMetadata over(DocumentMetadata extracted) {
        DocumentMetadata.Builder b = extracted.toBuilder();
        Set<String> inferred = new LinkedHashSet<>(extracted.inferred());
        if (number != null) {
            b.number(number);
            inferred.remove("number");
        }
        if (date != null) {
            b.date(date);
            inferred.remove("date");
        }
        if (kind != null) {
            b.kind(kind);
            inferred.remove("kind");
        }
        if (organName != null) {
            b.issuer(organName);
            inferred.remove("issuer");
        }
        if (place != null) {
            b.place(place);
            inferred.remove("place");
        }
        if (subject != null) {
            b.title(subject);
            inferred.remove("title");
        }
        if (signer != null) {
            b.signer(signer);
            inferred.remove("signer");
        }
        if (urgency != null) {
            b.urgency(urgency);
        }
        if (!recipients.isEmpty() && extracted.recipients().isEmpty()) {
            b.recipients(recipients);
        }
        if (dueDate != null && !extracted.deadlines().contains(dueDate)) {
            List<LocalDate> deadlines = new ArrayList<>();
            deadlines.add(dueDate);
            deadlines.addAll(extracted.deadlines());
            b.deadlines(deadlines);
        }
        return b.inferred(inferred).build();
    }

    /**
     * The envelope's own metadata: the sender, date and subject, but not the number or kind, which belong to the
     * attached document (two documents with one number would read as a duplicate).
     */
    public DocumentMetadata envelope(DocumentMetadata extracted) {
        return DocumentMetadata.builder().issuer(organName).date(date).place(place)
                .title(subject == null ? null : "Thông điệp " + variant + ": " + subject)
                .signer(signer).urgency(urgency).recipients(recipients)
                .deadlines(dueDate == null ? List.of() : List.of(dueDate)).build();
    }

    /** The envelope's searchable text: its header as an officer reads an incoming-document register. */
    public String envelopeText() {
        StringBuilder t = new StringBuilder("Thông điệp ").append(variant).append(" (QCVN 102:2016/BTTTT)\n");
        line(t, "Cơ quan gửi", organName == null ? null : organName + (organId == null ? "" : " (" + organId + ")"));
        line(t, "Nơi nhận", recipients.isEmpty() ? null : String.join("; ", recipients));
        line(t, "Số, ký hiệu", number);
        line(t, "Ngày ban hành", date == null ? null : DMY.format(date));
        line(t, "Nơi ban hành", place);
        line(t, "Tên loại", kind);
        line(t, "Trích yếu", subject);
        line(t, "Người ký", signer == null ? null : String.join(", ", Stream.of(signer.authority(),
                signer.position(), signer.name()).filter(s -> s != null && !s.isBlank()).toList()));
        line(t, "Độ khẩn", urgency);
        line(t, "Hạn xử lý", dueDate == null ? null : DMY.format(dueDate));
        line(t, "Loại chỉ đạo", steering);
        line(t, "Tệp đính kèm", attachments.isEmpty() ? null
                : String.join("; ", attachments.stream().map(Attachment::name).toList()));
        return VietnameseNormalizer.clean(t.toString()).strip();
    }

    private static void line(StringBuilder t, String label, String value) {
        if (value != null && !value.isBlank()) {
            t.append(label).append(": ").append(value).append('\n');
        }
    }

    /** Notes on every document the message brings: where the metadata came from, due date and steering type. */
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, SOURCE_NOTE, variant));
        if (dueDate != null) {
            notes.add("Hạn xử lý: " + DMY.format(dueDate));
        }
        if (steering != null) {
            notes.add("Loại chỉ đạo: " + steering);
        }
        if (organId != null) {
            notes.add("Mã định danh cơ quan gửi: " + organId);
        }
        return notes;
    }

    // --- DOM helpers: elements by local name, attachments' subtrees kept out of header lookups ---

    private static String local(Node n) {
        return n.getLocalName() != null ? n.getLocalName() : n.getNodeName().replaceFirst(".*:", "");
    }

    private static List<Element> children(Element e) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = e.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element c) {
                out.add(c);
            }
        }
        return out;
    }

    /** Every element of this local name under the scope (depth first), not looking inside attachments. */
    private static List<Element> all(Element scope, String name) {
        List<Element> out = new ArrayList<>();
        collect(scope, name, out);
        return out;
    }

    private static void collect(Element e, String name, List<Element> out) {
        for (Element c : children(e)) {
            if (local(c).equals(name)) {
                out.add(c);
            } else if (!local(c).equals("Attachment")) {
                collect(c, name, out);
            }
        }
    }

    private static Element first(Element scope, String name) {
        List<Element> found = all(scope, name);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The trimmed text of the first element of this name, or null when absent or blank. */
    private static String text(Element scope, String name) {
        Element e = first(scope, name);
        if (e == null) {
            return null;
        }
        String t = VietnameseNormalizer.clean(e.getTextContent()).strip().replaceAll("\\s+", " ");
        return t.isEmpty() ? null : t;
    }
}
