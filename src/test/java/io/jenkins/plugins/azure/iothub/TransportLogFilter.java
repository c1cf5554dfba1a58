package io.jenkins.plugins.azure.iothub;

import java.util.List;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Console filter of the test JVMs (src/test/logging.properties): keeps the per-attempt logging of the Azure SDK's
 * HTTP pipeline and of reactor-netty off the console. The fault-injection tests make those attempts fail on purpose;
 * the engine turns the failures into exceptions that the tests assert on, and the records still go to the log file
 * (target/tmp/test-logging-0.log). Everything else, the plugin's own warnings included, still reaches the console.
 */
public final class TransportLogFilter implements Filter {

    static final List<String> TRANSPORT_LOGGERS = List.of("com.azure.core.", "com.azure.identity.", "reactor.netty.");

    @Override
    public boolean isLoggable(LogRecord record) {
        String name = record.getLoggerName();
        return name == null || TRANSPORT_LOGGERS.stream().noneMatch(name::startsWith);
    }
}
