package org.ovnl2gw.operator.ovn;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.ovnl2gw.ovsdb.Operation;
import org.ovnl2gw.ovsdb.OvsdbSession;
import org.ovnl2gw.ovsdb.TransactResult;

/**
 * Runs one transaction synchronously for a reconcile thread, turning every failure into
 * {@link OvnUnavailableException} (the reconcile is retried) with the OVSDB cause kept.
 */
final class OvsdbTransactions {
    private OvsdbTransactions() {
    }

    static TransactResult run(OvsdbSession session, String comment, List<Operation> ops, Duration timeout) {
        try {
            return session.transact(comment, ops).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OvnUnavailableException("interrupted during " + comment, e);
        } catch (ExecutionException e) {
            throw new OvnUnavailableException(comment + " failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new OvnUnavailableException(comment + " got no answer within " + timeout, e);
        }
    }
}
