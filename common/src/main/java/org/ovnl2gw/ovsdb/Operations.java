package org.ovnl2gw.ovsdb;

/** Entry points to build transact operations; all pure, no I/O. */
public final class Operations {
    private Operations() {
    }

    public static Operation.Insert insert(String table) {
        return new Operation.Insert(table);
    }

    public static Operation.Update update(String table) {
        return new Operation.Update(table);
    }

    public static Operation.Mutate mutate(String table) {
        return new Operation.Mutate(table);
    }

    public static Operation.Delete delete(String table) {
        return new Operation.Delete(table);
    }

    public static Operation.Select select(String table) {
        return new Operation.Select(table);
    }

    public static Operation.Wait waitFor(String table) {
        return new Operation.Wait(table);
    }

    public static Operation.Comment comment(String text) {
        return new Operation.Comment(text);
    }

    public static Operation.Assert assertLock(String lock) {
        return new Operation.Assert(lock);
    }
}
