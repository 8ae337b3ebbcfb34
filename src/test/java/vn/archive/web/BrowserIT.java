package vn.archive.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.archive.Archive;
import vn.archive.config.AppConfig;
import vn.archive.render.DocumentRenderer;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The portal in a real browser: Debian's headless Chromium driven through Selenium, over the corpus archive served
 * on a free port. Saves screenshots of the search and document pages under {@code target/screenshots}.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserIT {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target", "screenshots");
    /** A directive written for this test, with words found nowhere else in the corpus. */
    static final String UPLOADED = """
            ĐẢNG BỘ TỈNH QUẢNG TRỊ
            HUYỆN ỦY HẢI LĂNG
            *
            Số 88-CV/HU
            Hải Lăng, ngày 5 tháng 3 năm 2021

            V/v nhân rộng mô hình “Vườn cây nghĩa tình” ở khu dân cư

            Kính gửi: Các chi bộ, đảng bộ cơ sở.

            Ban Thường vụ Huyện ủy đề nghị các chi bộ nhân rộng mô hình “Vườn cây nghĩa tình” trong phong trào
            thi đua “Dân vận khéo”, báo cáo kết quả trước ngày 30 tháng 6 năm 2021.

            T/M BAN THƯỜNG VỤ
            PHÓ BÍ THƯ
            Lê Văn Hùng
            """;

    private Path work;
    private Javalin app;
    private String base;
    private WebDriver driver;
    private Path downloads;

    @BeforeAll
    void start() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Browser tests skipped: Chromium (" + CHROMIUM + ") and chromedriver (" + CHROMEDRIVER
                        + ") are not installed; .ci/run installs Debian's chromium and chromium-driver");
        work = Files.createTempDirectory("browser-it");
        downloads = Files.createDirectories(work.resolve("downloads"));
        app = PortalFixture.corpus().webApp().start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port();
        ChromeOptions options = chromeOptions(work.resolve("profile"));
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toString());
        prefs.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", prefs);
        driver = new ChromeDriver(driverService(), options);
        Files.createDirectories(SHOTS);
    }

    /** Headless Chromium with a fresh profile and nothing that reaches the network by itself. */
    static ChromeOptions chromeOptions(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1280,1000", "--lang=vi");
        return options;
    }

    static ChromeDriverService driverService() {
        return new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    }

    @AfterAll
    void stop() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (app != null) {
            app.stop();
        }
        if (work != null) {
            PortalFixture.delete(work);
        }
    }

    @Test
    void a_search_typed_in_the_box_shows_highlighted_results() throws IOException {
        driver.get(base + "/");
        WebElement box = driver.findElement(By.id("q"));
        box.sendKeys("dan van kheo");
        box.submit();
        waitFor(ExpectedConditions.urlContains("q=dan+van+kheo"));
        assertTrue(heading().startsWith("Tìm thấy " + total("/api/search?q=dan+van+kheo") + " văn bản"), heading());
        assertFalse(driver.findElements(By.cssSelector("li.hit mark")).isEmpty(), "matches are highlighted");
        screenshot("search.png");
    }

    @Test
    void a_facet_click_narrows_the_results_a_chip_removal_restores_them_and_back_returns() throws IOException {
        driver.get(base + "/?q=dan+van+kheo");
        int before = hits();
        String headingBefore = heading();
        driver.findElement(By.cssSelector("#facet-kind + ul a[data-value='Công văn']")).click();
        waitFor(ExpectedConditions.urlContains("kind="));
        int narrowed = hits();
        assertTrue(narrowed < before, narrowed + " < " + before);
        for (WebElement kind : driver.findElements(By.cssSelector("li.hit .kind"))) {
            assertEquals("Công văn", kind.getText());
        }
        WebElement chip = driver.findElement(By.cssSelector(".chip"));
        assertTrue(chip.getText().contains("Công văn"));
        screenshot("search-filtered.png");

        chip.findElement(By.cssSelector("a.remove")).click();
        waitFor(ExpectedConditions.not(ExpectedConditions.urlContains("kind=")));
        assertEquals(before, hits());
        assertEquals(headingBefore, heading());
        assertTrue(driver.findElements(By.cssSelector(".chip")).isEmpty());

        driver.navigate().back();
        waitFor(ExpectedConditions.urlContains("kind="));
        assertEquals(narrowed, hits(), "the back button returns to the filtered state");
    }

    @Test
    void the_sort_menu_applies_itself_and_pagination_moves_through_the_results() {
        driver.get(base + "/");
        List<String> first = hitLinks();
        driver.findElement(By.cssSelector("a[rel=next]")).click();
        waitFor(ExpectedConditions.urlContains("page=2"));
        List<String> second = hitLinks();
        assertEquals(20, second.size());
        assertTrue(second.stream().noneMatch(first::contains), "page 2 shows other documents");
        assertTrue(driver.findElement(By.cssSelector(".shown")).getText().startsWith("Hiển thị 21–40"));
        driver.findElement(By.cssSelector(".pager a[aria-label='Trang 1']")).click();
        waitFor(ExpectedConditions.not(ExpectedConditions.urlContains("page=")));
        assertEquals(first, hitLinks());

        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("sort"))).selectByValue("newest");
        waitFor(ExpectedConditions.urlContains("sort=newest"));
        assertTrue(driver.findElement(By.cssSelector("li.hit .date")).getText().matches("\\d\\d/\\d\\d/20\\d\\d"));
    }

    @Test
    void the_document_page_links_to_its_text_its_original_and_similar_documents() throws IOException {
        driver.get(base + "/?q=374-CV%2FHU");
        WebElement first = driver.findElement(By.cssSelector("li.hit h2 a"));
        String title = first.getText();
        first.click();
        waitFor(ExpectedConditions.urlContains("/documents/"));
        String docUrl = driver.getCurrentUrl();
        assertEquals(title, driver.findElement(By.tagName("h1")).getText());
        assertTrue(driver.findElement(By.cssSelector("td.doc-number")).getText().startsWith("374-CV/HU"));
        screenshot("document.png");

        assertTrue(driver.findElement(By.id("download-original")).getAttribute("href").endsWith("/original"));
        driver.findElement(By.id("view-text")).click();
        waitFor(ExpectedConditions.urlContains("/text"));
        assertTrue(driver.findElement(By.tagName("body")).getText().contains("Số 374 - CV/HU"));
        driver.navigate().back();
        waitFor(ExpectedConditions.urlToBe(docUrl));

        WebElement similar = driver.findElement(By.cssSelector(".similar-list a"));
        String similarTitle = similar.getText();
        similar.click();
        waitFor(ExpectedConditions.not(ExpectedConditions.urlToBe(docUrl)));
        assertEquals(similarTitle, driver.findElement(By.tagName("h1")).getText());
        assertNotEquals(docUrl, driver.getCurrentUrl());

        driver.findElement(By.cssSelector(".crumbs a[href^='/?kind=']")).click();
        waitFor(ExpectedConditions.urlContains("kind="));
        assertFalse(driver.findElements(By.cssSelector(".chip")).isEmpty(), "the kind link opens a filtered search");
    }

    /**
     * Cited-by navigation needs the references feature (citedBy in the document API and its section on the document
     * page), built on another branch. Until it is merged there is no cited document to start from and this test is
     * skipped; once merged it runs against whatever links that section renders.
     */
    @Test
    void cited_by_links_lead_to_the_citing_documents() throws Exception {
        Optional<JsonNode> cited = firstCitedDocument();
        Assumptions.assumeTrue(cited.isPresent(),
                "No document in the archive has citedBy yet: the references feature is not merged on this branch");
        JsonNode doc = cited.get();
        String citing = doc.path("citedBy").get(0).path("id").asText();
        driver.get(base + "/documents/" + doc.path("id").asText());
        driver.findElement(By.cssSelector("article.document a[href='/documents/" + citing + "']")).click();
        waitFor(ExpectedConditions.urlContains("/documents/" + citing));
        JsonNode citingDoc = getJson("/api/documents/" + citing);
        boolean pointsBack = false;
        for (JsonNode ref : citingDoc.path("references")) {
            pointsBack |= ref.path("target").asText().equals(doc.path("id").asText());
        }
        assertTrue(pointsBack, "the citing document's references point back to the cited one");
    }

    @Test
    void the_csv_link_downloads_every_hit_with_a_byte_order_mark() throws Exception {
        driver.get(base + "/?kind=Lu%E1%BA%ADt");
        long total = total("/api/search?kind=Lu%E1%BA%ADt");
        driver.findElement(By.cssSelector("a.export-csv")).click();
        Path csv = downloads.resolve("ket-qua-tim-kiem.csv");
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> Files.exists(csv) && sizeOf(csv) > 0);
        byte[] bytes = Files.readAllBytes(csv);
        assertEquals(0xEF, bytes[0] & 0xFF);
        assertEquals(0xBB, bytes[1] & 0xFF);
        assertEquals(0xBF, bytes[2] & 0xFF);
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<org.apache.commons.csv.CSVRecord> rows = org.apache.commons.csv.CSVFormat.EXCEL.builder().setHeader()
                .setSkipHeaderRecord(true).get().parse(new java.io.StringReader(text.substring(1))).getRecords();
        assertEquals(total, rows.size(), "every hit, not one page");
        assertTrue(total > 20);
        rows.forEach(r -> assertEquals("Luật", r.get("Loại văn bản")));
    }

    @Test
    void an_uploaded_file_becomes_searchable() throws Exception {
        Path data = work.resolve("upload-data");
        try (Archive fresh = Archive.open(AppConfig.forData(data))) {
            Javalin uploadApp = fresh.webApp().start("127.0.0.1", 0);
            try {
                String site = "http://127.0.0.1:" + uploadApp.port();
                Path file = work.resolve("Công văn 88-CV-HU.docx");
                Files.write(file, DocumentRenderer.docx(UPLOADED));
                // uploading takes an archivist: log in through the login page first
                vn.archive.security.TestAccounts.account(fresh.security(), "luutru",
                        vn.archive.security.Role.ARCHIVIST, vn.archive.model.Clearance.NONE);
                driver.get(site + "/login?next=/import");
                driver.findElement(By.id("username")).sendKeys("luutru");
                driver.findElement(By.id("password")).sendKeys(vn.archive.security.TestAccounts.PASSWORD);
                driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
                waitFor(ExpectedConditions.urlToBe(site + "/import"));
                driver.findElement(By.id("files")).sendKeys(file.toAbsolutePath().toString());
                driver.findElement(By.cssSelector("form.upload button[type=submit]")).click();
                waitFor(ExpectedConditions.urlMatches("/import/[^/]+$"));
                new WebDriverWait(driver, Duration.ofSeconds(60))
                        .until(ExpectedConditions.textToBe(By.id("batch-state"), "Hoàn tất"));
                WebElement row = driver.findElement(By.cssSelector("tr.outcome"));
                assertTrue(row.getText().contains("Đã nhập"), row.getText());
                screenshot("import.png");

                WebElement box = driver.findElement(By.id("q"));
                box.sendKeys("vuon cay nghia tinh");
                box.submit();
                waitFor(ExpectedConditions.urlContains("q=vuon"));
                List<WebElement> hits = driver.findElements(By.cssSelector("li.hit h2 a"));
                assertEquals(1, hits.size());
                assertEquals("Công văn về việc nhân rộng mô hình “Vườn cây nghĩa tình” ở khu dân cư", hits.getFirst().getText(),
                        "the title is shown with its kind");
            } finally {
                uploadApp.stop();
            }
        }
    }

    @Test
    void an_admin_creates_an_account_in_the_browser_and_it_logs_in_with_the_password_shown_once() throws Exception {
        vn.archive.security.Security accounts = vn.archive.security.Security.open(work.resolve("accounts"));
        vn.archive.security.TestAccounts.account(accounts, "quantri", vn.archive.security.Role.ADMIN,
                vn.archive.model.Clearance.TUYET_MAT);
        Archive corpus = PortalFixture.corpus();
        Javalin adminApp = WebServer.create(corpus.search(), corpus.store(), corpus.references(), corpus.corrections(),
                null, accounts).start("127.0.0.1", 0);
        try {
            String site = "http://127.0.0.1:" + adminApp.port();
            logIn(site, "quantri", vn.archive.security.TestAccounts.PASSWORD);
            driver.findElement(By.cssSelector("nav.site-nav a[href='/admin/users']")).click();
            waitFor(ExpectedConditions.urlToBe(site + "/admin/users"));
            screenshot("admin-users.png");
            driver.findElement(By.id("new-name")).sendKeys("canbo.moi");
            new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("new-role"))).selectByValue("READER");
            new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("new-clearance"))).selectByValue("MAT");
            driver.findElement(By.cssSelector("form.create button[type=submit]")).click();
            String password = new WebDriverWait(driver, Duration.ofSeconds(15))
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("code.password"))).getText();
            screenshot("admin-password.png");
            driver.findElement(By.cssSelector("form.logout button[type=submit]")).click();
            waitFor(ExpectedConditions.urlToBe(site + "/"));
            logIn(site, "canbo.moi", password);
            assertTrue(driver.findElement(By.cssSelector("form.logout")).getText().contains("canbo.moi"));
            assertTrue(driver.findElements(By.cssSelector("nav.site-nav a[href='/admin/users']")).isEmpty(),
                    "no account link for a reader");
            driver.findElement(By.cssSelector("form.logout button[type=submit]")).click();
            waitFor(ExpectedConditions.urlToBe(site + "/"));
        } finally {
            adminApp.stop();
        }
    }

    private void logIn(String site, String name, String password) {
        driver.get(site + "/login");
        driver.findElement(By.id("username")).sendKeys(name);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
        waitFor(ExpectedConditions.urlToBe(site + "/"));
    }

    @Test
    void the_search_page_fits_a_phone_screen() throws IOException {
        Dimension wide = driver.manage().window().getSize();
        try {
            driver.manage().window().setSize(new Dimension(390, 844));
            driver.get(base + "/?q=dan+van+kheo");
            Object overflow = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                    "return document.documentElement.scrollWidth > window.innerWidth + 1;");
            assertEquals(Boolean.FALSE, overflow, "no sideways scrolling on a phone");
            screenshot("search-phone.png");
        } finally {
            driver.manage().window().setSize(wide);
        }
    }

    @Test
    void the_english_switch_changes_the_interface_language() {
        driver.get(base + "/?q=dan+van+kheo");
        driver.findElement(By.cssSelector("a.lang")).click();
        waitFor(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
        assertTrue(heading().startsWith("Found "));
        driver.findElement(By.cssSelector("a.lang")).click();
        waitFor(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "vi"));
        assertTrue(heading().startsWith("Tìm thấy "));
    }

    @Test
    void searching_filtering_and_sorting_work_with_javascript_turned_off() throws IOException {
        ChromeOptions options = chromeOptions(work.resolve("profile-nojs"));
        options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        WebDriver plain = new ChromeDriver(driverService(), options);
        try {
            plain.get(base + "/");
            WebElement box = plain.findElement(By.id("q"));
            box.sendKeys("dân vận khéo");
            box.submit();
            new WebDriverWait(plain, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("q="));
            int all = plain.findElements(By.cssSelector("li.hit")).size();
            plain.findElement(By.cssSelector("#facet-kind + ul a[data-value='Kế hoạch']")).click();
            new WebDriverWait(plain, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("kind="));
            assertTrue(plain.findElements(By.cssSelector("li.hit")).size() < all);
            new org.openqa.selenium.support.ui.Select(plain.findElement(By.id("sort"))).selectByValue("oldest");
            assertFalse(String.valueOf(plain.findElement(By.tagName("html")).getAttribute("class")).contains("js"),
                    "the page's script really is off");
            plain.findElement(By.cssSelector("form.refine button[type=submit]")).click();
            new WebDriverWait(plain, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("sort=oldest"));
            assertTrue(plain.getCurrentUrl().contains("kind="), "the apply button keeps the selected facets");
        } finally {
            plain.quit();
        }
    }

    @Test
    void the_first_tab_reaches_a_skip_link_to_the_main_content() {
        driver.get(base + "/?q=dan+van+kheo");
        waitFor(ExpectedConditions.attributeContains(By.tagName("html"), "class", "js"));
        driver.findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.TAB);
        WebElement focused = driver.switchTo().activeElement();
        assertEquals("#main", focused.getAttribute("href").replaceFirst("^.*(#main)$", "$1"));
        assertTrue(focused.isDisplayed(), "the skip link shows itself when focused");
        focused.sendKeys(org.openqa.selenium.Keys.ENTER);
        waitFor(ExpectedConditions.urlContains("#main"));
    }

    private Optional<JsonNode> firstCitedDocument() throws Exception {
        for (JsonNode hit : getJson("/api/export.json").path("hits")) {
            JsonNode doc = getJson("/api/documents/" + hit.path("id").asText());
            if (!doc.path("citedBy").isEmpty()) {
                return Optional.of(doc);
            }
        }
        return Optional.empty();
    }

    private JsonNode getJson(String path) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), path);
            return WebTestSupport.JSON.readTree(r.body());
        }
    }

    private long total(String apiPath) {
        try {
            return getJson(apiPath).path("total").asLong();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private String heading() {
        return driver.findElement(By.id("results-heading")).getText();
    }

    private int hits() {
        return driver.findElements(By.cssSelector("li.hit")).size();
    }

    private List<String> hitLinks() {
        List<String> out = new ArrayList<>();
        driver.findElements(By.cssSelector("li.hit h2 a")).forEach(a -> out.add(a.getAttribute("href")));
        return out;
    }

    private <T> void waitFor(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(condition);
    }

    private void screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}
