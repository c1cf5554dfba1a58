package io.jenkins.plugins.azure.iothub.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The common request pipeline of both planes: read and record the request, apply an injected fault, run the plane's
 * handler, and turn {@link EmulatorError}s into answers.
 */
abstract class PlaneHandler implements HttpHandler {
    private static final Logger LOG = Logger.getLogger(PlaneHandler.class.getName());

    final IotHubEmulator emulator;
    private final RecordedRequest.Plane plane;

    PlaneHandler(IotHubEmulator emulator, RecordedRequest.Plane plane) {
        this.emulator = emulator;
        this.plane = plane;
    }

    /** The hub whose data plane this handler serves, or null for ARM. */
    abstract String hubName();

    /** Handles a request; {@code fault} is the fired non-answering fault (delay, LRO failure, ...) or null. */
    abstract void handle(HttpCall call, FaultRule fault) throws IOException;

    /** The plane's error answer for an answering fault. */
    abstract EmulatorError faultAnswer(FaultRule rule, HttpCall call);

    /** The plane's default "another writer" change for this request's target. */
    abstract void concurrentModification(HttpCall call);

    @Override
    public final void handle(HttpExchange exchange) throws IOException {
        HttpCall call;
        try {
            call = HttpCall.read(exchange, plane, hubName());
        } catch (IOException e) {
            exchange.close();
            return;
        }
        emulator.requests().add(call.record);
        try {
            FaultRule fault = emulator.faults().firstFiring(call.record);
            if (fault != null) {
                switch (fault.kind()) {
                    case DROP_CONNECTION:
                        call.drop();
                        return;
                    case DELAY:
                        Thread.sleep(fault.delayMillis());
                        break;
                    case CONCURRENT_MODIFICATION:
                        if (fault.concurrentChange() != null) {
                            fault.concurrentChange().run();
                        } else {
                            concurrentModification(call);
                        }
                        break;
                    case LRO_FAILED:
                        break;
                    default:
                        call.respond(faultAnswer(fault, call));
                        return;
                }
            }
            handle(call, fault);
        } catch (EmulatorError error) {
            call.respond(error);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.drop();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "emulator bug while answering " + call.record, e);
            call.respond(EmulatorError.arm(500, "EmulatorBug", "emulator bug: " + e));
        }
    }
}
