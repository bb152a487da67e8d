package org.ovnl2gw.operator.ops;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.ZonedDateTime;
import java.util.logging.Logger;

/**
 * Gives the Lease up on a deliberate shutdown. java-operator-sdk stops renewing but leaves the Lease held, so a
 * standby would wait out the whole lease duration (15 s) before taking over; a rolling update should not leave
 * the gateways unattended that long. Done the way fabric8's elector releases: holder cleared, duration 1 s,
 * written with the resourceVersion read, so a Lease someone else already took is left alone.
 */
public final class LeaseRelease {
    private static final Logger LOG = Logger.getLogger(LeaseRelease.class.getName());

    private LeaseRelease() {
    }

    /** Releases the Lease if {@code identity} still holds it; never throws (shutdown must go on). */
    public static void release(KubernetesClient client, String namespace, String name, String identity) {
        try {
            Lease lease = client.leases().inNamespace(namespace).withName(name).get();
            if (lease == null || lease.getSpec() == null || !identity.equals(lease.getSpec().getHolderIdentity())) {
                return;
            }
            lease.getSpec().setHolderIdentity(null);
            lease.getSpec().setLeaseDurationSeconds(1);
            lease.getSpec().setRenewTime(ZonedDateTime.now());
            client.resource(lease).update();
            LOG.info(() -> "decided: " + identity + " released Lease " + namespace + "/" + name + " on shutdown");
        } catch (KubernetesClientException e) {
            LOG.warning(() -> "could not release Lease " + namespace + "/" + name + " (a standby takes over when "
                    + "it expires): " + e.getMessage());
        }
    }
}
