package org.ovnl2gw.logging;

import java.time.Instant;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * One line per event on stderr: time, level, component, message. Decisions are logged as "decided: ..." lines,
 * so {@code grep decided:} gives a program's reasoning in order. java-operator-sdk and fabric8 log through
 * SLF4J, which slf4j-jdk14 routes here too.
 */
public final class OneLineLogFormat extends Formatter {

    /** The system property naming a finer level for our own loggers, e.g. {@code -Dovnl2gw.log.level=FINE}. */
    public static final String LEVEL_PROPERTY = "ovnl2gw.log.level";
    /** Held: the log manager keeps loggers weakly, and a collected one would forget its level. */
    private static final Logger OURS = Logger.getLogger("org.ovnl2gw");

    /**
     * Makes this the only handler of the root logger, at INFO; our loggers ({@code org.ovnl2gw}) log at the level
     * the {@link #LEVEL_PROPERTY} system property names, if any (a name {@link Level#parse} rejects stops start).
     */
    public static void install() {
        Logger root = Logger.getLogger("");
        for (var handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        Level ours = Level.parse(System.getProperty(LEVEL_PROPERTY, "INFO"));
        ConsoleHandler console = new ConsoleHandler();
        console.setFormatter(new OneLineLogFormat());
        console.setLevel(ours.intValue() < Level.INFO.intValue() ? ours : Level.INFO);
        root.addHandler(console);
        root.setLevel(Level.INFO);
        OURS.setLevel(ours);
    }

    @Override
    public String format(LogRecord record) {
        String logger = record.getLoggerName() == null ? "" : record.getLoggerName();
        String component = logger.substring(logger.lastIndexOf('.') + 1);
        String message = formatMessage(record).replace('\n', ' ');
        StringBuilder line = new StringBuilder()
                .append(Instant.ofEpochMilli(record.getMillis())).append(' ')
                .append(record.getLevel().getName()).append(' ')
                .append(component).append(": ").append(message).append(System.lineSeparator());
        if (record.getThrown() != null) {
            line.append("  caused by ").append(record.getThrown()).append(System.lineSeparator());
        }
        return line.toString();
    }
}
