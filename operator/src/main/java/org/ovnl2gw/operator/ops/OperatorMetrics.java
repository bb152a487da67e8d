package org.ovnl2gw.operator.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Everything the operator counts, rendered in the Prometheus text format by {@link #scrape()}. Thread-safe:
 * reconciler threads record, the HTTP thread reads. Metric names carry the {@code l2gw_} prefix; reconcile
 * metrics are labelled by resource kind ({@code L2Gateway}, {@code BridgeMapping}).
 */
public final class OperatorMetrics {
    public static final String RECONCILES = "l2gw_reconciles_total";
    public static final String RECONCILE_ERRORS = "l2gw_reconcile_errors_total";
    public static final String RECONCILE_SECONDS = "l2gw_reconcile_duration_seconds";
    public static final String FAILOVERS = "l2gw_gateway_failovers_total";
    public static final String GATEWAYS = "l2gw_gateways";

    private final ConcurrentMap<String, LongAdder> reconciles = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, DoubleAdder> reconcileSeconds = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LongAdder> reconcileTimings = new ConcurrentHashMap<>();
    private final LongAdder failovers = new LongAdder();
    private volatile Map<String, Long> gatewaysByState = Map.of();
    private final List<Supplier<MetricFamily>> gauges = new CopyOnWriteArrayList<>();

    /** Shows zero counters for a kind before its first reconcile, so dashboards see the series from the start. */
    public void declareKind(String kind) {
        reconciles.computeIfAbsent(kind, k -> new LongAdder());
        errors.computeIfAbsent(kind, k -> new LongAdder());
    }

    /** A reconcile of a resource of this kind was started. */
    public void reconcileStarted(String kind) {
        reconciles.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    /** A reconcile of this kind ended with an exception (it will be retried). */
    public void reconcileFailed(String kind) {
        errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    /** How long one reconcile of this kind took, successful or not. */
    public void reconcileTook(String kind, Duration took) {
        reconcileSeconds.computeIfAbsent(kind, k -> new DoubleAdder()).add(took.toNanos() / 1e9);
        reconcileTimings.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    /** A gateway port was moved from a failed chassis to another one. */
    public void failover() {
        failovers.increment();
    }

    /** The number of L2Gateways in each state (e.g. Ready, NotReady, Invalid); replaces the previous figures. */
    public void gatewaysByState(Map<String, Long> counts) {
        gatewaysByState = Map.copyOf(counts);
    }

    /** Adds a gauge computed at scrape time (e.g. whether this replica leads, whether a database is connected). */
    public void addGauge(String name, String help, Supplier<List<MetricSample>> samples) {
        gauges.add(() -> new MetricFamily(name, help, MetricFamily.Type.GAUGE, samples.get()));
    }

    /** Every metric, in the Prometheus text exposition format. */
    public String scrape() {
        StringBuilder out = new StringBuilder();
        for (MetricFamily family : families()) {
            family.writeTo(out);
        }
        return out.toString();
    }

    List<MetricFamily> families() {
        List<MetricFamily> families = new ArrayList<>();
        families.add(new MetricFamily(RECONCILES, "Reconciles started, by resource kind.",
                MetricFamily.Type.COUNTER, byKind(reconciles, "")));
        families.add(new MetricFamily(RECONCILE_ERRORS, "Reconciles that failed with an error (and are retried), "
                + "by resource kind.", MetricFamily.Type.COUNTER, byKind(errors, "")));
        List<MetricSample> timing = new ArrayList<>();
        new TreeMap<>(reconcileSeconds).forEach((kind, sum) ->
                timing.add(new MetricSample("_sum", Map.of("kind", kind), sum.sum())));
        new TreeMap<>(reconcileTimings).forEach((kind, count) ->
                timing.add(new MetricSample("_count", Map.of("kind", kind), count.sum())));
        families.add(new MetricFamily(RECONCILE_SECONDS, "Time spent reconciling, by resource kind.",
                MetricFamily.Type.SUMMARY, timing));
        families.add(new MetricFamily(FAILOVERS, "Gateway ports moved off a failed chassis.",
                MetricFamily.Type.COUNTER, List.of(MetricSample.of(failovers.sum()))));
        List<MetricSample> gateways = new ArrayList<>();
        new TreeMap<>(gatewaysByState).forEach((state, count) -> gateways.add(MetricSample.of("state", state, count)));
        families.add(new MetricFamily(GATEWAYS, "L2Gateways by state.", MetricFamily.Type.GAUGE, gateways));
        for (Supplier<MetricFamily> gauge : gauges) {
            families.add(gauge.get());
        }
        return families;
    }

    private static List<MetricSample> byKind(Map<String, LongAdder> counters, String suffix) {
        List<MetricSample> samples = new ArrayList<>();
        new TreeMap<>(counters).forEach((kind, count) ->
                samples.add(new MetricSample(suffix, Map.of("kind", kind), count.sum())));
        return samples;
    }
}
