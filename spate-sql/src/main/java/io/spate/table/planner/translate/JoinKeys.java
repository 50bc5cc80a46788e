package io.spate.table.planner.translate;

import io.spate.api.typeinfo.RowTypeInfo;
import io.spate.table.api.TableException;
import io.spate.table.planner.calcite.SpateTypeFactory;
import io.spate.table.runtime.operators.KeyProjection;
import io.spate.table.runtime.typeutils.TypeInfos;
import io.spate.table.types.logical.LogicalType;
import io.spate.table.types.logical.RowType;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;

/** The equality keys of a join: which fields of each side, and the type of the key both sides are partitioned by. */
record JoinKeys(int[] left, int[] right, RowTypeInfo type) {

  /** Keys of fields {@code left} of {@code leftType} equal to fields {@code right} of {@code rightType}. */
  static JoinKeys of(List<Integer> left, List<Integer> right, RelDataType leftType, RelDataType rightType) {
    List<RowType.RowField> keyFields = new ArrayList<>();
    for (int i = 0; i < left.size(); i++) {
      RelDataTypeField leftField = leftType.getFieldList().get(left.get(i));
      RelDataTypeField rightField = rightType.getFieldList().get(right.get(i));
      LogicalType leftKey = SpateTypeFactory.toLogicalType(leftField.getType()).copy(true);
      LogicalType rightKey = SpateTypeFactory.toLogicalType(rightField.getType()).copy(true);
      if (!leftKey.equals(rightKey)) {
        throw new TableException("Spate SQL does not join keys of different types yet: " + leftField.getName() + " ("
            + leftKey.asSummaryString() + ") = " + rightField.getName() + " (" + rightKey.asSummaryString()
            + "); CAST one side");
      }
      keyFields.add(new RowType.RowField("k" + i, leftKey));
    }
    return new JoinKeys(left.stream().mapToInt(Integer::intValue).toArray(),
        right.stream().mapToInt(Integer::intValue).toArray(), TypeInfos.ofRow(new RowType(false, keyFields)));
  }

  /** The key selector of the left side. */
  KeyProjection leftSelector() {
    return new KeyProjection(left);
  }

  /** The key selector of the right side. */
  KeyProjection rightSelector() {
    return new KeyProjection(right);
  }
}
