package vn.archive.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The logging set-up in code says what the former {@code logback.xml} said, and logback finds it. */
class LoggingTest {
    @Test
    void logback_finds_the_set_up_as_a_service() {
        assertTrue(ServiceLoader.load(Configurator.class).stream().anyMatch(p -> p.type() == Logging.class));
    }

    @Test
    void libraries_are_quieted_and_errors_go_to_standard_error_one_line_each() {
        LoggerContext context = new LoggerContext();
        Logging logging = new Logging();
        logging.setContext(context);
        assertEquals(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, logging.configure(context));
        assertEquals(Level.INFO, context.getLogger("vn.archive.web.WebServer").getEffectiveLevel());
        assertEquals(Level.WARN, context.getLogger("org.eclipse.jetty.server.Server").getEffectiveLevel());
        assertEquals(Level.WARN, context.getLogger("io.javalin.Javalin").getEffectiveLevel());
        assertEquals(Level.ERROR, context.getLogger("org.apache.tika.parser.AutoDetectParser").getEffectiveLevel());
        assertEquals(Level.ERROR, context.getLogger("org.apache.pdfbox.pdmodel").getEffectiveLevel());
        assertEquals(Level.OFF, context.getLogger("org.apache.solr.client.solrj.impl").getEffectiveLevel());
        var appender = (ConsoleAppender<ILoggingEvent>) context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                .getAppender("ERR");
        assertEquals("System.err", appender.getTarget());
        var encoder = (PatternLayoutEncoder) appender.getEncoder();
        var event = new ch.qos.logback.classic.spi.LoggingEvent("x", context.getLogger("vn.archive.web.WebServer"),
                Level.ERROR, "Request /api/search failed", null, null);
        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);
        assertTrue(line.matches("\\d\\d:\\d\\d:\\d\\d ERROR v\\.a\\.web\\.WebServer - Request /api/search failed\\R"),
                line);
    }
}
