package vn.archive.archival;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import vn.archive.Archive;
import vn.archive.TestCorpus;
import vn.archive.config.AppConfig;
import vn.archive.curation.CorrectionStore;
import vn.archive.ingest.IngestReport;
import vn.archive.ingest.TesseractOcr;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.Clearance;
import vn.archive.model.IngestOutcome;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A package describes its documents as one file (hồ sơ) with the Thông tư 05/2025 file elements and as EAD, and
 * carries PREMIS preservation metadata whose objects, fixity and events agree with the package's own files.
 */
class PackageDescriptionIT {
    private static final String NS_PREMIS = "http://www.loc.gov/premis/v3";
    private static final String NS_EAD = "http://ead3.archivists.org/schema/";

    @Test
    void a_package_describes_its_documents_as_one_file_in_tt05_and_ead_and_its_files_in_premis(@TempDir Path tmp)
            throws Exception {
        Assumptions.assumeTrue(TesseractOcr.system().available(), "tesseract-ocr-vie is installed by .ci/run");
        Path data = tmp.resolve("data");
        Path pkg = tmp.resolve("hoso.zip");
        Path in = Files.createDirectories(tmp.resolve("in"));
        for (Path seed : List.of(TestCorpus.DON_DUONG, TestCorpus.BAO_LOC)) {
            Files.copy(seed, in.resolve(seed.getFileName()));
        }
        Files.writeString(in.resolve("209.txt"), TestCorpus.state("209.txt"));
        // The corpus's scanned Triệu Phong letter: OCR'd, so it gets a PDF/A rendition.
        Files.copy(TestCorpus.ROOT.resolve("scans").resolve("002_fa18a2e4ded8d877-scan.pdf"), in.resolve("scan.pdf"));
        List<ArchivedDocument> docs = new ArrayList<>();
        String scanId;
        try (Archive a = Archive.open(AppConfig.forData(data))) {
            IngestReport report = a.pipeline().run(List.of(in), o -> { });
            List<String> ids = report.outcomes().stream().map(IngestOutcome::documentId).filter(Objects::nonNull)
                    .sorted().toList();
            assertEquals(4, ids.size(), report.outcomes().toString());
            scanId = report.outcomes().stream().filter(o -> o.path().endsWith("scan.pdf")).findFirst().orElseThrow()
                    .documentId();
            String secret = ids.stream().filter(id -> !id.equals(scanId)).findFirst().orElseThrow();
            a.corrections().correct(secret, "classification", "Mật", "Lan");
            for (String id : ids) {
                docs.add(a.search().restrictedTo(Clearance.TUYET_MAT).document(id).orElseThrow());
            }
            ArchivalPackage.export(a.search().restrictedTo(Clearance.TUYET_MAT), a.store(), new CorrectionStore(data),
                    Clearance.TUYET_MAT, null, ids,
                    new ArchivalPackage.FileLabel("HS-2019-07", "Hồ sơ phong trào “Dân vận khéo”", "Vĩnh viễn"), pkg);
        }
        Map<String, byte[]> files = entries(pkg);

        Map<String, String[]> tt05 = new HashMap<>();
        NodeList elements = xml(files.get("metadata/descriptive/file-tt05.xml")).getDocumentElement().getChildNodes();
        for (int i = 0; i < elements.getLength(); i++) {
            if (elements.item(i) instanceof Element e) {
                tt05.put(e.getTagName(), new String[] {e.getTextContent(), e.getAttribute("code")});
            }
        }
        List<LocalDate> dates = docs.stream().map(d -> d.metadata().date()).filter(Objects::nonNull).sorted().toList();
        DateTimeFormatter dmy = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        assertEquals("HS-2019-07", tt05.get("fileCode")[0]);
        assertEquals("Vĩnh viễn", tt05.get("maintenance")[0]);
        assertEquals("4", tt05.get("totalDoc")[0]);
        assertEquals("03", tt05.get("mode")[1], "one document is secret, so the file is");
        assertEquals("03", tt05.get("confidenceLevel")[1], "typed documents and a scan: mixed");
        assertEquals("01", tt05.get("language")[1]);
        assertEquals(dmy.format(dates.get(0)), tt05.get("startDate")[0]);
        assertEquals(dmy.format(dates.get(dates.size() - 1)), tt05.get("endDate")[0]);
        assertTrue(!tt05.containsKey("numberOfPage"), "plain-text documents have no page count, so the file has none");
        String scanElements = new String(files.get("metadata/descriptive/" + scanId + "-tt05.xml"), StandardCharsets.UTF_8);
        int scanPages;
        try (var scanPdf = org.apache.pdfbox.Loader.loadPDF(in.resolve("scan.pdf").toFile())) {
            scanPages = scanPdf.getNumberOfPages();
        }
        assertTrue(scanElements.contains("<numberOfPage>" + scanPages + "</numberOfPage>"), scanElements);
        assertTrue(scanElements.contains("<confidenceLevel code=\"02\">"), scanElements);

        Document ead = xml(files.get("metadata/descriptive/ead.xml"));
        Element archdesc = (Element) ead.getElementsByTagNameNS(NS_EAD, "archdesc").item(0);
        assertEquals("file", archdesc.getAttribute("level"));
        assertEquals("HS-2019-07", ead.getElementsByTagNameNS(NS_EAD, "unitid").item(0).getTextContent());
        NodeList items = ead.getElementsByTagNameNS(NS_EAD, "c");
        assertEquals(4, items.getLength());
        NodeList daos = ead.getElementsByTagNameNS(NS_EAD, "dao");
        for (int i = 0; i < daos.getLength(); i++) {
            String href = ((Element) daos.item(i)).getAttribute("href");
            assertTrue(files.containsKey(href), "EAD points at a file of the package: " + href);
        }

        Map<String, String> listed = new HashMap<>();
        for (String line : new String(files.get("checksums.sha256"), StandardCharsets.UTF_8).split("\n")) {
            listed.put(line.substring(66), line.substring(0, 64));
        }
        Document premis = xml(files.get("metadata/preservation/premis.xml"));
        NodeList objects = premis.getElementsByTagNameNS(NS_PREMIS, "object");
        long representations = files.keySet().stream().filter(n -> n.startsWith("representations/")).count();
        assertEquals(5, representations, "4 originals and the scan's PDF/A");
        assertEquals(representations, objects.getLength());
        for (int i = 0; i < objects.getLength(); i++) {
            Element o = (Element) objects.item(i);
            String name = text(o, "objectIdentifierValue");
            assertEquals(listed.get(name), text(o, "messageDigest"), "PREMIS fixity agrees with the list: " + name);
            assertEquals(String.valueOf(files.get(name).length), text(o, "size"));
        }
        List<String> events = new ArrayList<>();
        NodeList ev = premis.getElementsByTagNameNS(NS_PREMIS, "event");
        for (int i = 0; i < ev.getLength(); i++) {
            Element e = (Element) ev.item(i);
            events.add(text(e, "eventType") + " by " + text(e, "linkingAgentIdentifierValue"));
            if (text(e, "eventType").equals("creation")) {
                NodeList linked = e.getElementsByTagNameNS(NS_PREMIS, "linkingObjectIdentifierValue");
                assertEquals("representations/pdfa/data/" + scanId + ".pdf", linked.item(1).getTextContent());
                assertTrue(linked.item(0).getTextContent().startsWith("representations/original/data/" + scanId + "/"),
                        "the rendition is derived from the scan's original");
            }
        }
        assertEquals(1, events.stream().filter(e -> e.startsWith("creation ")).count(), events.toString());
        assertTrue(events.contains("metadata modification by Lan"), events.toString());
        assertTrue(events.stream().anyMatch(e -> e.startsWith("packing ")), events.toString());

        String mets = new String(files.get("METS.xml"), StandardCharsets.UTF_8);
        assertTrue(mets.contains("MDTYPE=\"EAD\" xlink:href=\"metadata/descriptive/ead.xml\""), mets);
        assertTrue(mets.contains("MDTYPE=\"PREMIS\" xlink:href=\"metadata/preservation/premis.xml\" CHECKSUMTYPE="
                + "\"SHA-256\" CHECKSUM=\"" + listed.get("metadata/preservation/premis.xml") + "\""), mets);
    }

    private static String text(Element parent, String local) {
        NodeList n = parent.getElementsByTagNameNS(NS_PREMIS, local);
        return n.getLength() == 0 ? null : n.item(0).getTextContent();
    }

    private static Document xml(byte[] bytes) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    private static Map<String, byte[]> entries(Path zip) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : z.stream().toList()) {
                try (InputStream in = z.getInputStream(e)) {
                    files.put(e.getName(), in.readAllBytes());
                }
            }
        }
        return files;
    }
}
