/**
 * The custom resource API, group {@code l2gw.ovn.org} version {@code v1alpha1}: the
 * cluster-scoped {@link org.ovnl2gw.api.v1alpha1.L2Gateway} and
 * {@link org.ovnl2gw.api.v1alpha1.BridgeMapping} resources, their immutable spec and status
 * types, the condition vocabulary, and validation of specs in code.
 *
 * <p>The CRD YAML under {@code crds/} is generated from these classes by fabric8's
 * crd-generator (annotations here are its input). The same checks the generated schema
 * declares are repeated in {@code validate()} because the embedded API server used in tests
 * and the sandbox enforces no schema at all; the limits live in {@link
 * org.ovnl2gw.api.v1alpha1.FieldRules} so both sides read one set of constants.
 *
 * <p>No OVN or OVSDB knowledge lives here: this package only says what a user may ask for.
 */
package org.ovnl2gw.api.v1alpha1;
