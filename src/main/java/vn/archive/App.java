package vn.archive;

import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import vn.archive.cli.BackupCommand;
import vn.archive.cli.BadInput;
import vn.archive.cli.ExportPackageCommand;
import vn.archive.cli.EvalCommand;
import vn.archive.cli.ExtractCommand;
import vn.archive.cli.GenCorpusCommand;
import vn.archive.cli.ImportCommand;
import vn.archive.cli.MigrateCommand;
import vn.archive.cli.ReocrCommand;
import vn.archive.cli.RenderCommand;
import vn.archive.cli.RestoreCommand;
import vn.archive.cli.ServeCommand;
import vn.archive.cli.SolrSetupCommand;
import vn.archive.cli.UsersCommand;
import vn.archive.cli.WithdrawCommand;

/** Entry point: {@code java -jar directive-archive.jar <verb> …}. */
@Command(name = "directive-archive", mixinStandardHelpOptions = true, version = "directive-archive 0.1.0",
        description = {"Kho lưu trữ và tra cứu văn bản chỉ đạo của Đảng và Nhà nước.",
                "Archive and search portal for Vietnamese Party and State directives."},
        subcommands = {ImportCommand.class, ReocrCommand.class, ServeCommand.class, ExtractCommand.class,
                RenderCommand.class, EvalCommand.class, GenCorpusCommand.class, BackupCommand.class,
                RestoreCommand.class, UsersCommand.class, ExportPackageCommand.class, SolrSetupCommand.class,
                MigrateCommand.class,
                WithdrawCommand.class,
                CommandLine.HelpCommand.class})
public final class App implements Runnable {
    /**
     * Lucene logs through java.util.logging, at WARNING, that the incubating vector module is not enabled. The archive
     * does no vector search, and the only way to enable the module prints a warning of its own: keep verbs quiet.
     * Held in a field so that the logger, and its level, are not collected.
     */
    private static final Logger LUCENE_VECTORIZATION = Logger.getLogger("org.apache.lucene.internal.vectorization");

    static {
        LUCENE_VECTORIZATION.setLevel(Level.SEVERE);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line, for tests that run verbs in-process. */
    public static CommandLine commandLine() {
        return new CommandLine(new App()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(BadInput.handler());
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
