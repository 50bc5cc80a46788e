package io.spate.runtime.graph;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives every operator the id under which checkpoints and savepoints keep its state. An operator
 * with a uid gets an id derived from the uid alone, so it keeps its state however the job around it
 * changes. Without a uid the id derives from the operator's place in the graph (its kind, its inputs'
 * ids and which of their consumers it is), which survives restarts of the same program but not
 * changes to the graph before it. An operator with a uid hash set by hand gets that hash as its id.
 */
final class OperatorIds {

  private OperatorIds() {}

  /** Assigns ids to {@code nodes}, given in an order where every node follows its inputs. */
  static void assign(Collection<StreamNode> nodes) {
    Map<String, Integer> consumersSeen = new HashMap<>();
    int sources = 0;
    for (StreamNode node : nodes) {
      String uidHash = node.getTransformation().getUidHash();
      if (uidHash != null) { // given by hand (setUidHash), to match state saved under that id
        node.setOperatorId(uidHash);
        continue;
      }
      String uid = node.getTransformation().getUid();
      if (uid != null) { // unique: the stream graph validator checked
        node.setOperatorId(hash("uid:" + uid));
        continue;
      }
      StringBuilder place = new StringBuilder(node.getTransformation().getClass().getSimpleName());
      if (node.getInEdges().isEmpty()) {
        place.append(":source#").append(sources++);
      }
      for (StreamEdge edge : node.getInEdges()) {
        String input = edge.source().getOperatorId();
        int position = consumersSeen.merge(input, 1, Integer::sum);
        place.append(':').append(input).append('/').append(edge.targetInputIndex()).append('#').append(position);
      }
      node.setOperatorId(hash("place:" + place));
    }
  }

  private static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
