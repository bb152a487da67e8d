package org.ovnl2gw.operator.ops;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.api.reconciler.Constants;
import io.javaoperatorsdk.operator.api.reconciler.RetryInfo;
import io.javaoperatorsdk.operator.processing.GroupVersionKind;
import java.time.Duration;
import java.util.Map;

/**
 * java-operator-sdk's metrics hook, feeding {@link OperatorMetrics}: the framework sees every reconcile and
 * every failure of every controller, so counting here needs nothing from the reconcilers themselves.
 */
public final class ReconcileMetrics implements Metrics {
    private final OperatorMetrics metrics;

    public ReconcileMetrics(OperatorMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void reconcileCustomResource(HasMetadata resource, RetryInfo retryInfo, Map<String, Object> metadata) {
        metrics.reconcileStarted(resource.getKind());
    }

    @Override
    public void failedReconciliation(HasMetadata resource, Exception exception, Map<String, Object> metadata) {
        metrics.reconcileFailed(resource.getKind());
    }

    @Override
    public <T> T timeControllerExecution(ControllerExecution<T> execution) throws Exception {
        long start = System.nanoTime();
        try {
            return execution.execute();
        } finally {
            metrics.reconcileTook(kindOf(execution), Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private static String kindOf(ControllerExecution<?> execution) {
        Object gvk = execution.metadata() == null ? null : execution.metadata().get(Constants.RESOURCE_GVK_KEY);
        return gvk instanceof GroupVersionKind kind ? kind.getKind() : execution.controllerName();
    }
}
