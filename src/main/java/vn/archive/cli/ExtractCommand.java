package vn.archive.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.archive.config.Json;
import vn.archive.ingest.Extraction;
import vn.archive.ingest.OcrEngine;
import vn.archive.ingest.TesseractOcr;
import vn.archive.ingest.SourceFile;
import vn.archive.ingest.TikaExtractor;
import vn.archive.meta.Dictionaries;
import vn.archive.meta.MetadataExtractor;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.SourceInfo;
import vn.archive.storage.ContentStore;
import vn.archive.web.DocumentView;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code extract FILE… [--json]}: prints each file's metadata without touching any archive. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Trích xuất và in siêu dữ liệu của từng tệp, không ghi vào kho.",
                "Extracts and prints each file's metadata (the API's document object, without id)."})
public final class ExtractCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files;

    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;

    @Option(names = "--config", paramLabel = "DIR", defaultValue = "index-config",
            description = "Folder of editable dictionaries.")
    Path config;

    /** The OCR engine for scans: the same Tesseract as {@code import} unless a test sets another. */
    OcrEngine ocr;

    @Override
    public Integer call() throws Exception {
        MetadataExtractor extractor = new MetadataExtractor(Dictionaries.load(config));
        TikaExtractor tika = new TikaExtractor();
        OcrEngine engine = ocr != null ? ocr : TesseractOcr.system();
        ObjectMapper mapper = Json.MAPPER;
        int failures = 0;
        for (Path f : files) {
            try {
                byte[] bytes = Files.readAllBytes(f);
                SourceFile file = new SourceFile(f.toString(), f.getFileName().toString(), bytes);
                Extraction e = tika.extract(file);
                String text = e.text();
                boolean fromOcr = false;
                if (engine.wants(file, e)) {
                    // a scan: read it with the same OCR as import, or say that it waits for OCR
                    Optional<OcrEngine.Result> r = engine.available() ? engine.recognize(file, e) : Optional.empty();
                    if (r.isPresent() && !r.get().text().isBlank()) {
                        text = r.get().text();
                        fromOcr = true;
                    } else if (e.needsOcr()) {
                        failures++;
                        System.err.println(f + ": bản quét chờ nhận dạng chữ (OCR chưa cài đặt hoặc không đọc được); "
                                + "không có siêu dữ liệu (a scan waiting for OCR: Tesseract is not installed or read "
                                + "nothing; no metadata)");
                        continue;
                    }
                }
                DocumentMetadata m = extractor.extract(text);
                String sha = ContentStore.sha256(bytes);
                ArchivedDocument d = new ArchivedDocument(ArchivedDocument.idFor(sha), m,
                        new SourceInfo(f.getFileName().toString(), sha, e.mediaType(), fromOcr, bytes.length,
                                List.of(f.toString())), text, e.notes());
                ObjectNode node = mapper.valueToTree(DocumentView.of(d, List.of()));
                node.remove("id");
                if (json) {
                    System.out.println(mapper.writeValueAsString(node));
                } else {
                    node.remove("text");
                    System.out.println("== " + f);
                    System.out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(node));
                }
            } catch (Exception | OutOfMemoryError e) {
                failures++;
                System.err.println(BadInput.line(f, e));
            }
        }
        return failures == 0 ? 0 : 1;
    }
}
