/**
 * An embedded Kubernetes API for tests and the sandbox, where no real kube-apiserver can run.
 *
 * <p>fabric8's CRUD mock ({@code KubernetesCrudDispatcher}) stores and watches objects; on its own kubectl
 * cannot use it, because it answers every unknown GET with an empty list. {@link
 * org.ovnl2gw.testbed.kube.KubeApiFront} sits in front of it and answers what kubectl and java-operator-sdk ask
 * before they touch objects: version, discovery built from the built-in kinds plus the CRDs stored in the mock,
 * openapi stubs, access reviews, and JSON merge patch done per RFC 7386 (the mock appends arrays and ignores
 * null). When kubectl asks for a server-side Table of custom resources, the store's answer is turned into one
 * from the CRD's printer columns ({@link org.ovnl2gw.testbed.kube.ResourceTable}, evaluated with the small
 * {@link org.ovnl2gw.testbed.kube.JsonPath}), and for core Events into kube-apiserver's Event columns; other
 * built-in kinds stay plain JSON, so kubectl prints its own NAME/AGE for them. {@link org.ovnl2gw.testbed.kube.KubeHttpServer} serves it all over HTTP in place of fabric8's
 * MockWebServer, which can serve watches only over WebSocket: kubectl's plain-HTTP watches ({@code get -w}) are
 * streamed there, one event (or Table event) per line. Writes of custom resources are checked against their CRD's {@code openAPIV3Schema}
 * ({@link org.ovnl2gw.testbed.kube.SchemaValidator}) and refused with kube-apiserver's 422 {@code Invalid} status.
 * Everything else goes to the CRUD store unchanged. Not faithful: no CEL rules, formats, defaulting or pruning,
 * set-based selectors ignored, no garbage collection, server-side apply only approximated
 * (see the shared notes on the embedded kube API).
 */
package org.ovnl2gw.testbed.kube;
