package vn.archive.ingest;

import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.ContentHandler;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits an e-mail (EML or Outlook MSG) into its attachments, through Tika's mail parsers, so each attachment becomes
 * its own document linked to the envelope. Parts without a file name (the body's plain and HTML alternatives) stay
 * in the envelope's own text.
 */
final class MailSplitter {
    private final Parser parser = new AutoDetectParser();

    /** Whether the file is an e-mail by its name. */
    static boolean isMail(SourceFile file) {
        String n = file.fileName().toLowerCase(Locale.ROOT);
        return n.endsWith(".eml") || n.endsWith(".msg");
    }

    /** The named attachments, as files whose path is {@code mail!name}. */
    List<SourceFile> attachments(SourceFile mail) throws TikaExtractor.ExtractionException {
        List<SourceFile> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        ParseContext context = new ParseContext();
        context.set(EmbeddedDocumentExtractor.class, new EmbeddedDocumentExtractor() {
            @Override
            public boolean shouldParseEmbedded(Metadata metadata) {
                return true;
            }

            @Override
            public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
                    throws IOException {
                String name = metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY);
                if (name == null || name.isBlank()) {
                    return;
                }
                byte[] bytes = stream.readAllBytes();
                String unique = name;
                for (int i = 2; !names.add(unique); i++) {
                    unique = i + "-" + name; // two attachments with one name must keep two paths
                }
                out.add(new SourceFile(mail.path() + "!" + unique, name, bytes));
            }
        });
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, mail.fileName());
        try (TikaInputStream in = TikaInputStream.get(mail.bytes())) {
            parser.parse(in, new BodyContentHandler(-1), metadata, context);
        } catch (Exception e) {
            throw new TikaExtractor.ExtractionException("Không tách được tệp đính kèm của thư: " + e.getMessage(), e);
        }
        return out;
    }
}
