package org.ovnl2gw.operator.l2gateway;

import org.ovnl2gw.api.v1alpha1.L2Gateway;

/** Writes Kubernetes Events about an L2Gateway (transitions people should see in {@code kubectl describe}). */
public interface EventRecorder {
    String NORMAL = "Normal";
    String WARNING = "Warning";

    void record(L2Gateway about, String type, String reason, String message);
}
