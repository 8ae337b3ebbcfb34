package vn.archive.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.archive.ingest.Extraction;
import vn.archive.ingest.SourceFile;
import vn.archive.ingest.TikaExtractor;
import vn.archive.meta.Dictionaries;
import vn.archive.meta.MetadataExtractor;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.DocumentMetadata;
import vn.archive.model.SourceInfo;
import vn.archive.ingest.ContentStore;
import vn.archive.web.DocumentView;
import vn.archive.web.WebServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    @Override
    public Integer call() throws Exception {
        MetadataExtractor extractor = new MetadataExtractor(Dictionaries.load(config));
        TikaExtractor tika = new TikaExtractor();
        ObjectMapper mapper = WebServer.objectMapper();
        int failures = 0;
        for (Path f : files) {
            try {
                byte[] bytes = Files.readAllBytes(f);
                Extraction e = tika.extract(new SourceFile(f.toString(), f.getFileName().toString(), bytes));
                DocumentMetadata m = extractor.extract(e.text());
                String sha = ContentStore.sha256(bytes);
                ArchivedDocument d = new ArchivedDocument(ArchivedDocument.idFor(sha), m,
                        new SourceInfo(f.getFileName().toString(), sha, e.mediaType(), false, bytes.length,
                                List.of(f.toString())), e.text(), e.notes());
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
