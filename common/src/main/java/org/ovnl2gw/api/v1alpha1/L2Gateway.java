package org.ovnl2gw.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * Bridges one OVN logical switch to one physical network through one gateway node.
 * Cluster-scoped (it does not implement {@code Namespaced}): bridging a physical network
 * is an administrator's act, not a tenant's.
 */
@Group(L2Gateway.GROUP)
@Version(L2Gateway.VERSION)
@Kind("L2Gateway")
@Plural("l2gateways")
@ShortNames("l2gw")
@AdditionalPrinterColumn(name = "Ready", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "Age", jsonPath = ".metadata.creationTimestamp",
        type = AdditionalPrinterColumn.Type.DATE)
public class L2Gateway extends CustomResource<L2GatewaySpec, L2GatewayStatus> {

    public static final String GROUP = "l2gw.ovn.org";
    public static final String VERSION = "v1alpha1";

    public L2Gateway() {
    }

    /** A resource ready to create: name and spec, no status. */
    public L2Gateway(String name, L2GatewaySpec spec) {
        setMetadata(new ObjectMetaBuilder().withName(name).build());
        setSpec(spec);
    }
}
