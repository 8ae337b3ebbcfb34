package vn.archive.meta;

import vn.archive.TestCorpus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Prints the extractor's values for corpus files as gold-file lines, as a draft to check by hand against the text. */
public final class GoldDraft {
    private GoldDraft() {
    }

    public static void main(String[] args) throws Exception {
        MetadataExtractor extractor = new MetadataExtractor(Dictionaries.builtIn());
        try (Stream<Path> files = Stream.concat(Files.list(TestCorpus.SEEDS), Files.list(TestCorpus.ROOT.resolve("state")))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                var node = GoldValues.toJson(extractor.extract(Files.readString(f)));
                var line = com.fasterxml.jackson.databind.json.JsonMapper.builder().build().createObjectNode();
                line.put("file", f.toString());
                line.setAll(node);
                System.out.println(line);
            }
        }
    }
}
