package vn.archive.web;

import io.javalin.Javalin;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.archive.Archive;
import vn.archive.model.Clearance;
import vn.archive.security.Role;
import vn.archive.security.Security;
import vn.archive.security.TestAccounts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every page of the walk of {@link LanguageWalkIT} (the router's pages and their error states), in both languages,
 * logged in as an admin so that the forms show, in headless Chromium 360 px wide: nothing is wider than the screen
 * (no sideways scrolling of the page). A page that overflows is saved as a screenshot under target/screenshots.
 */
@Tag("slow")
class PhoneWidthIT {
    private static final int PHONE = 360;
    /** The innermost element that reaches past the right edge of the screen, named by tag, class and text. */
    private static final String WIDEST = """
            let out = null;
            for (const e of document.body.querySelectorAll('*')) {
              const r = e.getBoundingClientRect();
              if (r.right > window.innerWidth + 1 && r.width > 0) out = e;
            }
            return out == null ? 'nothing' : out.tagName + '.' + out.className + ' «' + (out.textContent || '').trim().slice(0, 60) + '»';
            """;

    @TempDir
    Path temp;

    @Test
    void every_page_in_both_languages_fits_a_screen_360_pixels_wide() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(BrowserIT.CHROMIUM) && Files.isExecutable(BrowserIT.CHROMEDRIVER),
                "Phone width check skipped: Chromium or chromedriver is not installed (see BrowserIT)");
        Archive corpus = PortalFixture.corpus();
        Security accounts = Security.open(temp.resolve("accounts"));
        TestAccounts.account(accounts, "quantri", Role.ADMIN, Clearance.TUYET_MAT);
        Javalin app = WebServer.create(corpus.search(), corpus.store(), corpus.references(), corpus.corrections(),
                null, accounts).start("127.0.0.1", 0);
        WebDriver driver = new ChromeDriver(BrowserIT.driverService(), BrowserIT.chromeOptions(temp.resolve("profile")));
        List<String> wide = new ArrayList<>();
        try {
            String site = "http://127.0.0.1:" + app.port();
            driver.manage().window().setSize(new Dimension(PHONE, 800));
            driver.get(site + "/login");
            driver.findElement(By.id("username")).sendKeys("quantri");
            driver.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
            driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
            new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.urlToBe(site + "/"));
            Files.createDirectories(BrowserIT.SHOTS);
            int seen = 0;
            for (String lang : List.of("vi", "en")) {
                for (String path : LanguageWalkIT.pages(app, corpus)) {
                    driver.get(site + path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
                    JavascriptExecutor js = (JavascriptExecutor) driver;
                    if (!"text/html".equals(js.executeScript("return document.contentType;"))
                            || !driver.getCurrentUrl().contains(path.replaceFirst("\\?.*", ""))) {
                        continue; // a download or a plain text shown as it is
                    }
                    Object width = js.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
                    seen++;
                    if (((Number) width).intValue() > 1) {
                        String name = "phone-" + lang + path.replaceAll("[^A-Za-z0-9]+", "-") + ".png";
                        Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(),
                                BrowserIT.SHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                        wide.add(lang + " " + path + " is " + width + " px too wide (" + name + "), first at " + js.executeScript(
                                WIDEST));
                    }
                }
            }
            assertTrue(seen >= 30, "only " + seen + " pages were looked at");
        } finally {
            driver.quit();
            app.stop();
        }
        assertTrue(wide.isEmpty(), "pages wider than a phone:\n" + String.join("\n", wide));
    }
}
