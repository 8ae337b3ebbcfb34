package vn.archive.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

import java.util.Map;

/**
 * The logging set-up, in code: errors and warnings on standard error, the chatty libraries quieted. Logback finds it
 * as a service ({@code META-INF/services/ch.qos.logback.classic.spi.Configurator}) before looking for a
 * {@code logback.xml}, whose XML reading (Joran's parser and model handlers, about 400 classes) took 0.3–0.8 s of
 * {@code serve}'s start on 2 shared cores. A {@code -Dlogback.configurationFile=FILE} or a {@code logback-test.xml}
 * on the class path still wins: this then steps aside.
 */
public final class Logging extends ContextAwareBase implements Configurator {
    /** Loggers set above the root's INFO: the verbs and the portal say what failed in their own words. */
    static final Map<String, Level> QUIETED = Map.of(
            "org.apache.tika", Level.ERROR,
            "org.apache.pdfbox", Level.ERROR,
            "org.apache.fontbox", Level.ERROR,
            "org.apache.poi", Level.ERROR,
            "org.eclipse.jetty", Level.WARN,
            "io.javalin", Level.WARN,
            // SolrJ logs each failed attempt at a node with a stack trace
            "org.apache.solr", Level.OFF);
    /** Time, level, logger and message, one line each. */
    static final String PATTERN = "%d{HH:mm:ss} %-5level %logger{20} - %msg%n";

    public Logging() {
        // found by the service loader
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || Logging.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> err = new ConsoleAppender<>();
        err.setContext(context);
        err.setName("ERR");
        err.setTarget("System.err");
        err.setEncoder(encoder);
        err.start();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(err);
        QUIETED.forEach((name, level) -> context.getLogger(name).setLevel(level));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
