package com.example.failures;

/** A user exception outside Spate's packages, which the cluster's filter does not know. */
public final class PaymentDeclined extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates it. */
  public PaymentDeclined(String message, Throwable cause) {
    super(message, cause);
  }
}
