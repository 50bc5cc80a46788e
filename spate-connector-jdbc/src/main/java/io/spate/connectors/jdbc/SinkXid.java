package io.spate.connectors.jdbc;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import javax.transaction.xa.Xid;

/**
 * The id of one XA transaction of the exactly-once JDBC sink. Its global part names the job run
 * that wrote it (a tag chosen when the sink was built, carried on through checkpoints and
 * savepoints), the subtask, the checkpoint after which the transaction began and the attempt of
 * the subtask; its branch part tells data transactions from the probe that checks, at start, that
 * the database can prepare transactions.
 *
 * @param tag the job run's tag
 * @param subtask the writing subtask
 * @param checkpointId the last checkpoint before the transaction began (0 before the first)
 * @param attempt the subtask's attempt number
 * @param probe whether this is the start-up probe rather than data
 */
record SinkXid(UUID tag, int subtask, long checkpointId, int attempt, boolean probe) implements Xid {

  /** The format id of Spate's sink transactions: "SpJd". */
  static final int FORMAT_ID = 0x53704a64;
  private static final int GLOBAL_LENGTH = 16 + 4 + 8 + 4;

  @Override
  public int getFormatId() {
    return FORMAT_ID;
  }

  @Override
  public byte[] getGlobalTransactionId() {
    return ByteBuffer.allocate(GLOBAL_LENGTH).putLong(tag.getMostSignificantBits())
        .putLong(tag.getLeastSignificantBits()).putInt(subtask).putLong(checkpointId).putInt(attempt).array();
  }

  @Override
  public byte[] getBranchQualifier() {
    return new byte[] {(byte) (probe ? 1 : 0)};
  }

  /** The sink's id of {@code xid}, or null if the sink did not write it (another format or layout). */
  static SinkXid of(Xid xid) {
    if (xid.getFormatId() != FORMAT_ID) {
      return null;
    }
    byte[] global = xid.getGlobalTransactionId();
    byte[] branch = xid.getBranchQualifier();
    if (global == null || global.length != GLOBAL_LENGTH || branch == null || branch.length != 1) {
      return null;
    }
    ByteBuffer in = ByteBuffer.wrap(global);
    return new SinkXid(new UUID(in.getLong(), in.getLong()), in.getInt(), in.getLong(), in.getInt(), branch[0] == 1);
  }

  /** The bytes that {@link #fromBytes} reads back. */
  byte[] toBytes() {
    byte[] global = getGlobalTransactionId();
    return ByteBuffer.allocate(global.length + 1).put(global).put(getBranchQualifier()).array();
  }

  /** The id that {@link #toBytes} wrote. */
  static SinkXid fromBytes(byte[] bytes) {
    if (bytes.length != GLOBAL_LENGTH + 1) {
      throw new IllegalArgumentException("a JDBC sink transaction id has " + (GLOBAL_LENGTH + 1) + " bytes, not "
          + bytes.length);
    }
    byte[] global = Arrays.copyOf(bytes, GLOBAL_LENGTH);
    byte[] branch = {bytes[GLOBAL_LENGTH]};
    SinkXid xid = of(new Xid() {
      @Override
      public int getFormatId() {
        return FORMAT_ID;
      }

      @Override
      public byte[] getGlobalTransactionId() {
        return global;
      }

      @Override
      public byte[] getBranchQualifier() {
        return branch;
      }
    });
    if (xid == null) {
      throw new IllegalArgumentException("not a JDBC sink transaction id: " + HexFormat.of().formatHex(bytes));
    }
    return xid;
  }

  @Override
  public String toString() {
    return "xid[job run " + tag + ", subtask " + subtask + ", after checkpoint " + checkpointId + ", attempt "
        + attempt + (probe ? ", probe" : "") + "]";
  }
}
