package org.ovnl2gw.operator.l2gateway;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ovnl2gw.operator.ovn.SouthboundClient;

/**
 * Feeds {@link ChassisHealth} from the Southbound cache a few times per failover timeout and calls back when the
 * set of healthy chassis changes (then every gateway is re-checked). Heartbeats themselves trigger nothing: only
 * health transitions do, so 200 gateways cost nothing while all is well.
 */
public final class ChassisHealthMonitor implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ChassisHealthMonitor.class.getName());

    private final SouthboundClient sb;
    private final ChassisHealth health;
    private final Runnable onChange;
    private final Duration period;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "l2gateway-chassis-health");
        t.setDaemon(true);
        return t;
    });
    private boolean wasConnected;

    public ChassisHealthMonitor(SouthboundClient sb, ChassisHealth health, Duration failoverTimeout, Runnable onChange) {
        this.sb = sb;
        this.health = health;
        this.onChange = onChange;
        long millis = Math.max(100, Math.min(1000, failoverTimeout.toMillis() / 6));
        this.period = Duration.ofMillis(millis);
    }

    void start() {
        timer.scheduleWithFixedDelay(this::tick, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One observation; public to the package so tests can drive it. */
    void tick() {
        try {
            if (!sb.isConnected()) {
                wasConnected = false;
                return;
            }
            if (!wasConnected) {
                health.restartGracePeriod();
                wasConnected = true;
            }
            if (health.observe(sb.chassis())) {
                LOG.info("chassis health changed: re-checking every L2Gateway");
                onChange.run();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "chassis health check failed", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
