package org.ovnl2gw.agent;

import java.time.Instant;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** One line per event on stderr: time, level, component, message (what was decided, and why). */
final class LogFormat extends Formatter {
    static void install() {
        Logger root = Logger.getLogger("");
        for (var handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        ConsoleHandler console = new ConsoleHandler();
        console.setFormatter(new LogFormat());
        console.setLevel(Level.INFO);
        root.addHandler(console);
        root.setLevel(Level.INFO);
    }

    @Override
    public String format(LogRecord record) {
        String logger = record.getLoggerName() == null ? "" : record.getLoggerName();
        String component = logger.substring(logger.lastIndexOf('.') + 1);
        String line = Instant.ofEpochMilli(record.getMillis()) + " " + record.getLevel().getName() + " "
                + component + ": " + formatMessage(record) + System.lineSeparator();
        if (record.getThrown() != null) {
            line += "  caused by " + record.getThrown() + System.lineSeparator();
        }
        return line;
    }
}
