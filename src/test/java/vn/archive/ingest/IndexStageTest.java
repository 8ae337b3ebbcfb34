package vn.archive.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.archive.index.ArchiveIndex;
import vn.archive.index.LuceneIndex;
import vn.archive.meta.Dictionaries;
import vn.archive.meta.MetadataExtractor;
import vn.archive.model.ArchivedDocument;
import vn.archive.model.DocumentMetadata;
import vn.archive.storage.ContentStore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The index stage links the renditions of one directive on both sides, and never across issuers. */
class IndexStageTest {
    private static final MetadataExtractor EXTRACTOR = new MetadataExtractor(Dictionaries.load(Path.of("index-config")));

    @TempDir
    Path temp;

    /** An index whose first upsert of one id waits until it is let go: the race of two workers, made certain. */
    private static final class HeldIndex implements ArchiveIndex {
        private final LuceneIndex index;
        private final String held;
        final CountDownLatch reached = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        HeldIndex(LuceneIndex index, String held) {
            this.index = index;
            this.held = held;
        }

        @Override
        public void upsert(ArchivedDocument document) throws IOException {
            if (document.id().equals(held) && reached.getCount() > 0) {
                reached.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            index.upsert(document);
        }

        @Override
        public void commit() throws IOException {
            index.commit();
        }

        @Override
        public Optional<ArchivedDocument> get(String id) throws IOException {
            return index.get(id);
        }

        @Override
        public Optional<ArchivedDocument> latest(String id) throws IOException {
            return index.latest(id);
        }

        @Override
        public Optional<String> idForSha256(String sha256) throws IOException {
            return index.idForSha256(sha256);
        }

        @Override
        public void forEachDocument(DocumentSink sink) throws IOException {
            index.forEachDocument(sink);
        }

        @Override
        public long count() throws IOException {
            return index.count();
        }

        @Override
        public void close() throws IOException {
            index.close();
        }
    }

    private static InFlight read(String name, String text, boolean ocr) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        InFlight f = new InFlight(new SourceFile("in/" + name, name, bytes), List.of(), InFlight.Intake.TIKA, false);
        f.sha = ContentStore.sha256(bytes);
        f.extraction = new Extraction(text, ocr ? "application/pdf" : "text/plain", 1);
        f.text = text;
        f.fromOcr = ocr;
        f.metadata = EXTRACTOR.extract(text);
        return f;
    }

    private static boolean links(ArchiveIndex index, InFlight from, InFlight to) throws IOException {
        return index.latest(from.id).orElseThrow().notes().contains(ArchivedDocument.sameDirectiveNote(to.id));
    }

    @Test
    void two_copies_indexed_at_once_are_linked_on_both_sides_whichever_reaches_the_index_first() throws Exception {
        String letter = NearDuplicatesTest.banDanVanLetter("Thanh Ba", "Phú Thọ");
        InFlight first = read("1-cv-bdvhu.txt", letter, false);
        InFlight second = read("1-cv-bdvhu-scan.txt", letter.replace("thi đua", "thi  đua").replace("*", "+"), true);
        try (HeldIndex index = new HeldIndex(LuceneIndex.open(temp.resolve("index")),
                ArchivedDocument.idFor(first.sha))) {
            IndexStage stage = new IndexStage(index, new ContentStore(temp.resolve("data")),
                    new WaitingOcr(temp.resolve("waiting")));
            AtomicReference<Throwable> failed = new AtomicReference<>();
            Thread worker = Thread.ofPlatform().start(() -> {
                try {
                    stage.apply(first); // joins its group, then waits before the index takes it
                } catch (Throwable t) {
                    failed.set(t);
                }
            });
            assertTrue(index.reached.await(30, TimeUnit.SECONDS));
            stage.apply(second); // joins after the first, is indexed before it
            index.release.countDown();
            worker.join();
            assertNull(failed.get());
            assertTrue(links(index, second, first), "the later copy names the earlier");
            assertTrue(links(index, first, second), "and the earlier, indexed last, names the later");
        }
    }

    @Test
    void an_ocr_copy_whose_date_was_not_read_is_linked_by_text_to_its_typed_copy_and_not_to_another_year()
            throws Exception {
        String letter = NearDuplicatesTest.banDanVanLetter("Thanh Ba", "Phú Thọ");
        InFlight typed = read("typed.txt", letter, false);
        InFlight nextYear = read("next-year.txt", letter.replace("năm 2024", "năm 2025").replaceAll("Thực hiện Kế hoạch[^\n]+",
                "Để chuẩn bị tổng kết công tác dân vận của hệ thống chính trị, Ban Dân vận Huyện ủy đề nghị Mặt trận Tổ"
                        + " quốc và các đoàn thể chính trị - xã hội huyện rà soát số liệu, đánh giá những kết quả nổi bật,"
                        + " chỉ ra hạn chế, nguyên nhân và đề xuất giải pháp cho nhiệm kỳ tới."), false);
        InFlight scan = read("scan.txt", letter.replace("ngày 11 tháng 3 năm 2024", "ngàv l1 thảng 3 nărn 2O24"), true);
        DocumentMetadata m = scan.metadata;
        assertNull(m.date(), "the fixture's scan has its date unread");
        assertEquals(typed.metadata.number(), m.number());
        try (LuceneIndex index = LuceneIndex.open(temp.resolve("index"))) {
            IndexStage stage = new IndexStage(index, new ContentStore(temp.resolve("data")),
                    new WaitingOcr(temp.resolve("waiting")));
            stage.apply(typed);
            stage.apply(nextYear);
            stage.apply(scan);
            assertTrue(links(index, scan, typed) && links(index, typed, scan), "linked both ways by text");
            assertTrue(!links(index, scan, nextYear) && !links(index, nextYear, typed),
                    "the same number of another year, with another text, stays apart");
        }
    }

    @Test
    void letters_of_two_districts_ban_dan_van_with_one_number_and_date_are_not_linked() throws Exception {
        InFlight thanhBa = read("thanh-ba.txt", NearDuplicatesTest.banDanVanLetter("Thanh Ba", "Phú Thọ"), false);
        InFlight vinhCuu = read("vinh-cuu.txt", NearDuplicatesTest.banDanVanLetter("Vĩnh Cửu", "Đồng Nai"), false);
        try (LuceneIndex index = LuceneIndex.open(temp.resolve("index"))) {
            IndexStage stage = new IndexStage(index, new ContentStore(temp.resolve("data")),
                    new WaitingOcr(temp.resolve("waiting")));
            stage.apply(thanhBa);
            stage.apply(vinhCuu);
            assertTrue(!links(index, thanhBa, vinhCuu) && !links(index, vinhCuu, thanhBa));
        }
    }
}
