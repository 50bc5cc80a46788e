package io.spate.connectors.jdbc;

import javax.transaction.xa.XAException;

/** Reads XA exceptions: their error code's name and the database's reason behind it. */
final class XaErrors {

  private XaErrors() {}

  /** "XAER_NOTA (the transaction id is unknown): cause" and so on, with the causes' messages. */
  static String describe(XAException e) {
    StringBuilder text = new StringBuilder(codeName(e.errorCode));
    if (e.getMessage() != null) {
      text.append(": ").append(e.getMessage());
    }
    int bound = 0;
    for (Throwable cause = e.getCause(); cause != null && bound < 5; cause = cause.getCause(), bound++) {
      if (cause.getMessage() != null) {
        text.append("; ").append(cause.getMessage().strip());
      }
    }
    return text.toString();
  }

  /** Whether the chain of {@code t} says the database does not allow prepared transactions. */
  static boolean preparedTransactionsDisabled(Throwable t) {
    int bound = 0;
    for (Throwable c = t; c != null && bound < 8; c = c.getCause(), bound++) {
      String message = c.getMessage();
      if (message != null && (message.contains("prepared transactions are disabled")
          || message.contains("max_prepared_transactions"))) {
        return true;
      }
    }
    return false;
  }

  /** Whether an operation failed because the database or the connection to it is unavailable. */
  static boolean isTransient(XAException e) {
    return e.errorCode == XAException.XAER_RMFAIL || e.errorCode == XAException.XA_RETRY
        || e.errorCode == XAException.XA_RBCOMMFAIL;
  }

  private static String codeName(int code) {
    return switch (code) {
      case XAException.XAER_NOTA -> "XAER_NOTA (no such transaction)";
      case XAException.XAER_RMFAIL -> "XAER_RMFAIL (the database is unavailable)";
      case XAException.XAER_RMERR -> "XAER_RMERR (the database reported an error)";
      case XAException.XAER_PROTO -> "XAER_PROTO (operation out of order)";
      case XAException.XAER_INVAL -> "XAER_INVAL (invalid arguments)";
      case XAException.XAER_DUPID -> "XAER_DUPID (the transaction id exists already)";
      case XAException.XAER_OUTSIDE -> "XAER_OUTSIDE (work outside the transaction)";
      case XAException.XA_HEURRB -> "XA_HEURRB (rolled back heuristically)";
      case XAException.XA_HEURMIX -> "XA_HEURMIX (partly committed heuristically)";
      case XAException.XA_HEURHAZ -> "XA_HEURHAZ (may have been completed heuristically)";
      case XAException.XA_HEURCOM -> "XA_HEURCOM (committed heuristically)";
      case XAException.XA_RETRY -> "XA_RETRY";
      default -> code >= XAException.XA_RBBASE && code <= XAException.XA_RBEND
          ? "XA_RB (the transaction was rolled back, code " + code + ")" : "XA error " + code;
    };
  }
}
